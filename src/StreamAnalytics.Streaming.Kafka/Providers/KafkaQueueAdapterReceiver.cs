using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Pulls one Kafka partition (one Orleans queue) for the pulling agent the queue balancer gave it to.
/// The partition is assigned manually, so moving it between silos costs no Kafka group rebalance.
/// </summary>
internal sealed partial class KafkaQueueAdapterReceiver : IQueueAdapterReceiver
{
    private readonly string _providerName;
    private readonly TopicPartition _topicPartition;
    private readonly KafkaStreamOptions _options;
    private readonly IKafkaRecordMapper _mapper;
    private readonly Func<KafkaQueueCache?> _releaseCache;
    private readonly DeadLetterWriter _deadLetters;
    private readonly Serializer _serializer;
    private readonly KafkaConsumerLagMonitor _monitor;
    private readonly KafkaInstruments _instruments;
    private readonly TagList _partitionTags;
    private readonly ILogger _logger;
    private readonly PartitionCommitTracker _tracker = new();
    private readonly List<KafkaStreamEvent> _recordEvents = [];
    private IConsumer<string?, byte[]>? _consumer;
    private long _position = -1;
    private long _highWatermark = -1;
    private long _rejected;

    public KafkaQueueAdapterReceiver(
        string providerName,
        QueueId queueId,
        KafkaStreamOptions options,
        IKafkaRecordMapper mapper,
        Func<KafkaQueueCache?> releaseCache,
        DeadLetterWriter deadLetters,
        Serializer serializer,
        KafkaConsumerLagMonitor monitor,
        KafkaInstruments instruments,
        ILogger<KafkaQueueAdapterReceiver> logger)
    {
        var (topic, partition) = KafkaQueueMapper.ToTopicPartition(queueId);
        _providerName = providerName;
        _topicPartition = new TopicPartition(topic, new Partition(partition));
        _options = options;
        _mapper = mapper;
        _releaseCache = releaseCache;
        _deadLetters = deadLetters;
        _serializer = serializer;
        _monitor = monitor;
        _instruments = instruments;
        _partitionTags = KafkaInstruments.PartitionTags(topic, partition, options.ConsumerGroup);
        _logger = logger;
    }

    public Task Initialize(TimeSpan timeout)
    {
        var config = KafkaClientConfigs.ForConsumer(_options, $"{_providerName}-{_topicPartition.Topic}-{_topicPartition.Partition.Value}");
        _consumer = new ConsumerBuilder<string?, byte[]>(config)
            .SetErrorHandler((_, error) => LogKafkaError(_topicPartition.Topic, _topicPartition.Partition.Value, error.Reason))
            .SetLogHandler((_, _) => { })
            .Build();

        // Offset.Stored resumes from the group's committed offset, or StartPosition when none is committed.
        _consumer.Assign(new TopicPartitionOffset(_topicPartition, Offset.Stored));
        LogAssigned(_topicPartition.Topic, _topicPartition.Partition.Value, _options.ConsumerGroup);
        Report();
        return Task.CompletedTask;
    }

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        if (_consumer is null)
        {
            return [];
        }

        // maxCount bounds the containers the cache takes; records of streams already in this poll add no container.
        var maxContainers = Math.Max(1, maxCount);
        var batches = new List<PendingBatch>();
        var openBatches = new Dictionary<StreamId, PendingBatch>();
        long firstOffset = -1, lastOffset = -1, rejected = 0, records = 0;
        for (var read = 0; read < _options.PollBatchSize && batches.Count < maxContainers; read++)
        {
            ConsumeResult<string?, byte[]>? result;
            try
            {
                // Zero timeout: take what librdkafka has prefetched, never block the pulling agent's thread.
                result = _consumer.Consume(TimeSpan.Zero);
            }
            catch (ConsumeException ex)
            {
                LogConsumeFailed(ex, _topicPartition.Topic, _topicPartition.Partition.Value);
                break;
            }

            if (result is null)
            {
                break;
            }

            records++;
            lastOffset = result.Offset.Value;
            if (firstOffset < 0)
            {
                firstOffset = lastOffset;
            }

            var context = MapRecord(result, ref rejected);
            for (var i = 0; i < _recordEvents.Count; i++)
            {
                var (streamId, item) = _recordEvents[i];
                if (context is not null || !openBatches.TryGetValue(streamId, out var batch))
                {
                    // Events with a producer's request context keep it in a container of their own; the stream's later
                    // events then start a new container too, so a stream's events stay in offset order.
                    batch = new PendingBatch(streamId, context);
                    batches.Add(batch);
                    if (context is null)
                    {
                        openBatches[streamId] = batch;
                    }
                    else
                    {
                        openBatches.Remove(streamId);
                    }
                }

                batch.Events.Add(item);
                batch.Tokens.Add(new KafkaStreamSequenceToken(_topicPartition.Topic, _topicPartition.Partition.Value, lastOffset, i));
            }
        }

        if (lastOffset < 0)
        {
            RefreshHighWatermark();
            Report();
            return [];
        }

        if (!await _deadLetters.FlushAsync())
        {
            // Nothing of this poll reached the agent yet: read it again rather than commit past a record that is
            // neither delivered nor in the dead-letter topic.
            LogDeadLetterFailed(_topicPartition.Topic, _topicPartition.Partition.Value, firstOffset);
            _consumer.Seek(new TopicPartitionOffset(_topicPartition, new Offset(firstOffset)));
            return [];
        }

        _rejected += rejected;
        _instruments.Consumed(records, _partitionTags);

        _position = lastOffset + 1;
        var containers = new List<IBatchContainer>(batches.Count);
        var before = _tracker.CommittableOffset;
        var sequence = _tracker.RegisterPoll(batches.Count, _position);
        foreach (var batch in batches)
        {
            containers.Add(new KafkaBatchContainer(batch.StreamId, [.. batch.Events], [.. batch.Tokens], batch.Context) { Receipt = (this, sequence++) });
        }

        if (_tracker.CommittableOffset != before)
        {
            StoreOffset(_tracker.CommittableOffset);
        }

        RefreshHighWatermark();
        Report();
        return containers;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        var newest = -1L;
        foreach (var message in messages)
        {
            if (message is KafkaBatchContainer { Receipt: { } receipt } && ReferenceEquals(receipt.Receiver, this))
            {
                newest = Math.Max(newest, receipt.Sequence);
            }
        }

        if (newest >= 0 && _tracker.TryAdvance(newest, out var offset))
        {
            StoreOffset(offset);
            Report();
        }

        return Task.CompletedTask;
    }

    public async Task Shutdown(TimeSpan timeout)
    {
        // The agent purges its cache only before its next read, which never comes once it stops: release what was
        // delivered since the last read now, so a partition that moves or a silo that stops leaves little to redeliver.
        // The agent runs this on the same turn-based context as its deliveries, so touching its cache is safe.
        if (_releaseCache() is { } cache && cache.TryPurgeDelivered(out var delivered))
        {
            await MessagesDeliveredAsync(delivered);
        }

        var consumer = _consumer;
        _consumer = null;
        _monitor.Release(_providerName, _topicPartition.Topic, _topicPartition.Partition.Value);
        if (consumer is null)
        {
            return;
        }

        // Close commits the stored offsets and can take a network round trip: keep it off the agent's thread.
        await Task.Run(() =>
        {
            try
            {
                consumer.Close();
            }
            catch (KafkaException ex)
            {
                LogCloseFailed(ex, _topicPartition.Topic, _topicPartition.Partition.Value);
            }
            finally
            {
                consumer.Dispose();
            }
        }).WaitAsync(timeout).ConfigureAwait(false);
    }

    // Fills _recordEvents with the events of one record; returns the request context an Orleans producer attached.
    private Dictionary<string, object>? MapRecord(ConsumeResult<string?, byte[]> result, ref long rejected)
    {
        _recordEvents.Clear();
        try
        {
            if (result.Message.Headers?.TryGetLastBytes(OrleansEventsPayload.HeaderName, out _) == true)
            {
                var payload = _serializer.Deserialize<OrleansEventsPayload>(result.Message.Value)
                    ?? throw new InvalidKafkaRecordException("empty Orleans events payload");
                foreach (var item in payload.Events)
                {
                    _recordEvents.Add(new KafkaStreamEvent(payload.StreamId, item));
                }

                return payload.RequestContext;
            }

            var record = new KafkaRecord(
                result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Key,
                result.Message.Value ?? [], result.Message.Timestamp.UtcDateTime);
            _mapper.Map(record, _recordEvents);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever a mapper or the decoder throws, the record was consumed: reject it here, or the rest of the
            // poll would be lost with it.
            _recordEvents.Clear();
            rejected++;
            _deadLetters.Add(result, ex.Message);
            LogRecordRejected(_topicPartition.Topic, _topicPartition.Partition.Value, result.Offset.Value, ex.Message);
        }

        return null;
    }

    private void StoreOffset(long offset)
    {
        try
        {
            _consumer?.StoreOffset(new TopicPartitionOffset(_topicPartition, new Offset(offset)));
        }
        catch (KafkaException ex)
        {
            // The partition was revoked under us (shutdown); whoever takes it over resumes from the last commit.
            LogStoreFailed(ex, _topicPartition.Topic, _topicPartition.Partition.Value, offset);
        }
    }

    private void RefreshHighWatermark()
    {
        // Cached from the last fetch response: no broker round trip.
        var watermarks = _consumer?.GetWatermarkOffsets(_topicPartition);
        if (watermarks is not null && watermarks.High.Value >= 0)
        {
            _highWatermark = watermarks.High.Value;
        }
    }

    private void Report() => _monitor.Report(new KafkaPartitionStatus(
        _providerName, _topicPartition.Topic, _topicPartition.Partition.Value,
        _position, _highWatermark, _tracker.CommittableOffset, _rejected, _options.ConsumerGroup));

    private sealed class PendingBatch(StreamId streamId, Dictionary<string, object>? context)
    {
        public StreamId StreamId { get; } = streamId;

        public Dictionary<string, object>? Context { get; } = context;

        public List<object> Events { get; } = [];

        public List<KafkaStreamSequenceToken> Tokens { get; } = [];
    }

    [LoggerMessage(1, LogLevel.Information, "Pulling Kafka partition {Topic}[{Partition}] for consumer group {ConsumerGroup}.")]
    private partial void LogAssigned(string topic, int partition, string consumerGroup);

    [LoggerMessage(2, LogLevel.Warning, "Kafka client error on {Topic}[{Partition}]: {Reason}")]
    private partial void LogKafkaError(string topic, int partition, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Reading Kafka partition {Topic}[{Partition}] failed; retrying on the next poll.")]
    private partial void LogConsumeFailed(Exception exception, string topic, int partition);

    [LoggerMessage(4, LogLevel.Warning, "Skipped invalid record {Topic}[{Partition}]@{Offset}: {Reason}")]
    private partial void LogRecordRejected(string topic, int partition, long offset, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Could not store offset {Offset} for {Topic}[{Partition}].")]
    private partial void LogStoreFailed(Exception exception, string topic, int partition, long offset);

    [LoggerMessage(7, LogLevel.Error, "Writing rejected records of {Topic}[{Partition}] to the dead-letter topic failed; reading again from offset {Offset}.")]
    private partial void LogDeadLetterFailed(string topic, int partition, long offset);

    [LoggerMessage(6, LogLevel.Warning, "Closing the consumer of {Topic}[{Partition}] failed; uncommitted offsets will be redelivered.")]
    private partial void LogCloseFailed(Exception exception, string topic, int partition);
}
