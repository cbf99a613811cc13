#!/usr/bin/env bash
# Creates the topics the silos read and write, with the partition counts they are configured for
# (Kafka:Topics in src/StreamAnalytics.Silo/appsettings.json). Run once by the compose service kafka-init.
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:-kafka:9092}"
topics_tool=/opt/kafka/bin/kafka-topics.sh

# name:partitions. The provider maps each partition to one Orleans queue from the configured count, so an existing
# topic with another count is an error to fix by hand, not something to paper over.
for spec in interactions:8 interactions.dlq:1 frames:4 frames.dlq:1 identifications:4; do
  name="${spec%%:*}"
  partitions="${spec##*:}"
  "$topics_tool" --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1
  description=$("$topics_tool" --bootstrap-server "$bootstrap" --describe --topic "$name")
  actual=$(printf '%s\n' "$description" | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p')
  if [ "$actual" != "$partitions" ]; then
    echo "topic $name has $actual partitions; the silos expect $partitions" >&2
    exit 1
  fi
  echo "topic $name: $partitions partitions"
done
