using System.CommandLine;
using Confluent.Kafka;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Cli.Replay;

namespace StreamAnalytics.Cli.Commands;

/// <summary><c>sa replay</c>: a dataset file into Kafka, keeping the file's event times.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The interactions file: the e-commerce dataset's CSV, or any CSV/TSV with --columns." };
        var kafka = new KafkaConnectionOptions();
        var topic = new Option<string>("--topic") { Description = "Topic to write to.", DefaultValueFactory = _ => TopicNames.Interactions };
        var delimiter = new Option<string?>("--delimiter") { Description = "Field separator; default ',' (a tab for .tsv files); 'tab' for a tab." };
        var noHeader = new Option<bool>("--no-header") { Description = "The first line is data, not column names." };
        var columns = new Option<string?>("--columns") { Description = "Which column holds which field: user,product,rating,timestamp (in column order; _ skips) or user=<name|index>,...; fields: " + string.Join(", ", ReplayColumns.Fields) };
        var timestamps = new Option<ReplayTimestampFormat>("--timestamp") { Description = "How event times are written: iso, unix or date.", DefaultValueFactory = _ => ReplayTimestampFormat.Iso };
        var type = new Option<string?>("--type") { Description = "The type of every event when the file has no type column (e.g. rating)." };
        var rate = new Option<double>("--rate") { Description = "Events per second; 0 is as fast as possible.", DefaultValueFactory = _ => 0 };
        var command = new Command("replay", "Write a dataset file into Kafka as interaction events, keeping the file's event times; invalid rows are written too and dead-lettered by the pipeline.")
        {
            file, kafka.Bootstrap, kafka.ClientProperties, topic, delimiter, noHeader, columns, timestamps, type, rate,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"{path.FullName} does not exist.");
                return 2;
            }

            ReplaySettings settings;
            Func<string, string, IReadOnlyDictionary<string, string>?>? extras = null;
            if (parse.GetValue(columns) is { } spec)
            {
                if (ReplayColumns.Parse(spec, out var error) is not { } mapping)
                {
                    await Console.Error.WriteLineAsync(error);
                    return 2;
                }

                var separator = parse.GetValue(delimiter) switch
                {
                    null => path.Extension.Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? "\t" : ",",
                    "tab" or "\\t" => "\t",
                    var given => given,
                };
                settings = new ReplaySettings(path.FullName, separator, !parse.GetValue(noHeader), mapping, parse.GetValue(timestamps), parse.GetValue(type), $"{path.Name}-");
            }
            else if (EcommerceDataset.Recognizes(path.FullName))
            {
                settings = EcommerceDataset.Settings(path.FullName);
                extras = EcommerceDataset.Extras(path.FullName);
            }
            else
            {
                await Console.Error.WriteLineAsync($"{path.Name} is not the e-commerce interactions file; say which column holds what with --columns.");
                return 2;
            }

            if (kafka.ToProducerConfig(parse, out var invalid) is not { } config)
            {
                await Console.Error.WriteLineAsync(invalid);
                return 2;
            }

            return await ProduceAsync(DelimitedInteractionReader.Read(settings, extras), config, parse.GetValue(topic)!, parse.GetValue(rate), cancellation);
        });
        return command;
    }

    private static async Task<int> ProduceAsync(IEnumerable<(string Key, byte[] Json)> records, ProducerConfig config, string topic, double rate, CancellationToken cancellation)
    {
        var summary = await PacedProducer.ProduceAsync(records, config, topic, rate, total: null, "rows", cancellation);
        Console.WriteLine($"replayed {summary.Sent:N0} rows to {topic} in {summary.Elapsed.TotalSeconds:N1} s");
        if (summary.Failed > 0)
        {
            await Console.Error.WriteLineAsync($"{summary.Failed:N0} rows were not delivered: {summary.FirstError}");
            return 1;
        }

        return 0;
    }
}
