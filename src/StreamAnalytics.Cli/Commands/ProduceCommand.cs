using System.CommandLine;
using Confluent.Kafka;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Synthetic;

namespace StreamAnalytics.Cli.Commands;

/// <summary><c>sa produce</c>: a synthetic live feed of shopping sessions into Kafka.</summary>
internal static class ProduceCommand
{
    public static Command Create()
    {
        var kafka = new KafkaConnectionOptions();
        var topic = new Option<string>("--topic") { Description = "Topic to write to.", DefaultValueFactory = _ => TopicNames.Interactions };
        var events = new Option<long>("--events") { Description = "Events to write; 0 runs until Ctrl+C.", DefaultValueFactory = _ => 100_000 };
        var rate = new Option<double>("--rate") { Description = "Events per second; 0 is as fast as possible.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed writes the same events.", DefaultValueFactory = _ => 42 };
        var users = new Option<int>("--users") { Description = "Distinct users.", DefaultValueFactory = _ => 2_000 };
        var products = new Option<int>("--products") { Description = "Distinct products.", DefaultValueFactory = _ => 500 };
        var malformed = new Option<double>("--malformed-fraction") { Description = "Share of records replaced by invalid ones, 0-1.", DefaultValueFactory = _ => 0 };
        var noise = new Option<double>("--noise") { Description = "Standard deviation of the rating noise.", DefaultValueFactory = _ => 0.5 };
        var command = new Command("produce", "Write a synthetic live feed of interaction events (sessions: view, like, add_to_cart, purchase, rating, review) to Kafka.")
        {
            kafka.Bootstrap, kafka.ClientProperties, topic, events, rate, seed, users, products, malformed, noise,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new SyntheticFeedOptions(
                Users: parse.GetValue(users), Products: parse.GetValue(products), Seed: parse.GetValue(seed),
                MalformedFraction: parse.GetValue(malformed), NoiseStandardDeviation: parse.GetValue(noise));
            if (options.Users < 1 || options.Products < 1 || options.MalformedFraction is < 0 or > 1 || options.NoiseStandardDeviation < 0
                || parse.GetValue(rate) < 0 || parse.GetValue(events) < 0)
            {
                await Console.Error.WriteLineAsync("--users and --products must be positive; --malformed-fraction within 0-1; --noise, --rate and --events not negative.");
                return 2;
            }

            if (kafka.ToProducerConfig(parse, out var invalid) is not { } config)
            {
                await Console.Error.WriteLineAsync(invalid);
                return 2;
            }

            return await RunAsync(config, parse.GetValue(topic)!, parse.GetValue(events), parse.GetValue(rate), options, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(ProducerConfig config, string topic, long total, double rate, SyntheticFeedOptions options, CancellationToken cancellation)
    {
        var feed = new SyntheticInteractionFeed(options, DateTimeOffset.UtcNow);
        var records = total > 0 ? feed.Records().Take((int)Math.Min(total, int.MaxValue)) : feed.Records();
        var malformed = 0L;
        var summary = await PacedProducer.ProduceAsync(
            records.Select(r =>
            {
                malformed += r.Malformation is null ? 0 : 1;
                return (r.Key, r.Json);
            }),
            config, topic, rate, total, "events", cancellation);

        Console.WriteLine($"wrote {summary.Sent:N0} events ({malformed:N0} malformed) to {topic} in {summary.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"ratings: {feed.Ratings.Count:N0}; noise sd {options.NoiseStandardDeviation}; best achievable R² {feed.Ratings.BestR2:F3} (MSE {feed.Ratings.BestMse:F3})");
        if (summary.Failed > 0)
        {
            await Console.Error.WriteLineAsync($"{summary.Failed:N0} events were not delivered: {summary.FirstError}");
            return 1;
        }

        return 0;
    }
}
