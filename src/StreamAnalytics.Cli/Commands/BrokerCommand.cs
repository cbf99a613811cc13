using System.CommandLine;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.Cli.Commands;

/// <summary><c>sa broker</c>: runs the embedded Kafka-protocol broker standalone, for multi-process setups.</summary>
internal static class BrokerCommand
{
    public static Command Create()
    {
        var brokers = new Option<int>("--brokers") { Description = "Number of mock brokers.", DefaultValueFactory = _ => 3 };
        var topics = new Option<string[]>("--topic")
        {
            Description = "A topic to create, as name:partitions; repeatable.",
            DefaultValueFactory = _ =>
            [
                $"{TopicNames.Interactions}:8", $"{TopicNames.InteractionsDeadLetter}:1",
                $"{TopicNames.Frames}:4", $"{TopicNames.FramesDeadLetter}:1", $"{TopicNames.Identifications}:4",
            ],
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("broker", "Run the embedded Kafka-protocol broker (librdkafka mock cluster) and print its bootstrap address.")
        {
            brokers,
            topics,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var specs = new List<(string Name, int Partitions)>();
            foreach (var spec in parse.GetValue(topics) ?? [])
            {
                var parts = spec.Split(':');
                if (parts.Length != 2 || !int.TryParse(parts[1], out var partitions) || partitions < 1)
                {
                    await Console.Error.WriteLineAsync($"--topic '{spec}' is not name:partitions (e.g. interactions:8).");
                    return 2;
                }

                specs.Add((parts[0], partitions));
            }

            using var broker = EmbeddedKafkaBroker.Start(parse.GetValue(brokers));
            foreach (var (name, partitions) in specs)
            {
                broker.CreateTopic(name, partitions);
            }

            // The address alone on stdout, so scripts can capture it: B=$(sa broker | head -1) would block, so read the first line.
            Console.WriteLine(broker.BootstrapServers);
            await Console.Error.WriteLineAsync(
                $"Embedded broker ({broker.BrokerCount} brokers) with topics {string.Join(", ", specs.Select(s => $"{s.Name}({s.Partitions})"))}. " +
                "Start silos with Kafka__BootstrapServers set to the address above. Ctrl+C stops it.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }
}
