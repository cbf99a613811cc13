using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace StreamAnalytics.Streaming.Kafka.Tests.Cluster;

/// <summary>Interaction-like JSON records with known per-key totals, and the checks that every one arrived once.</summary>
public sealed class ProbeTraffic
{
    private readonly Dictionary<string, int> _perUser = [];
    private readonly Dictionary<string, int> _perProduct = [];

    public ProbeTraffic(string keyPrefix, int count, int users = 200, int products = 500, int seed = 7)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var user = $"{keyPrefix}-u{random.Next(users)}";
            var product = $"{keyPrefix}-p{random.Next(products)}";
            Records.Add((user, $$$"""{"eventId":"{{{keyPrefix}}}-{{{i}}}","userId":"{{{user}}}","productId":"{{{product}}}","type":"view","extra":{"userId":"nested-is-ignored"}}"""));
            _perUser[user] = _perUser.GetValueOrDefault(user) + 1;
            _perProduct[product] = _perProduct.GetValueOrDefault(product) + 1;
        }
    }

    /// <summary>The records, keyed by user id as interaction producers do (hash partitioning spreads them over every partition).</summary>
    public List<(string Key, string Value)> Records { get; } = [];

    public IEnumerable<string> Values => Records.Select(r => r.Value);

    public int Count => Records.Count;

    /// <summary>Writes <paramref name="records"/> with a plain Confluent producer, as any Kafka client would.</summary>
    public static async Task ProduceAsync(string bootstrapServers, string topic, IEnumerable<(string Key, string Value)> records, int? recordsPerSecond = null)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 5 }).Build();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var failures = 0;
        foreach (var (key, value) in records)
        {
            producer.Produce(topic, new Message<string, string> { Key = key, Value = value }, report =>
            {
                if (report.Error.IsError)
                {
                    Interlocked.Increment(ref failures);
                }
            });
            sent++;
            if (recordsPerSecond is { } rate && sent % 100 == 0)
            {
                var due = TimeSpan.FromSeconds((double)sent / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
            }
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        Assert.Equal(0, failures);
    }

    /// <summary>Sums what the probe grains applied and skipped as duplicates, and lists keys whose count is wrong.</summary>
    public async Task<ProbeTally> TallyAsync(IGrainFactory grains)
    {
        var users = await Task.WhenAll(_perUser.Keys.Select(async key => (key, counts: await grains.GetGrain<IProbeUserGrain>(key).GetCounts())));
        var products = await Task.WhenAll(_perProduct.Keys.Select(async key => (key, counts: await grains.GetGrain<IProbeProductGrain>(key).GetCounts())));
        var wrong = new StringBuilder();
        foreach (var (key, counts) in users.Where(u => u.counts.Applied != _perUser[u.key]).Take(5))
        {
            wrong.Append($"user {key}: applied {counts.Applied}, produced {_perUser[key]}; ");
        }

        foreach (var (key, counts) in products.Where(p => p.counts.Applied != _perProduct[p.key]).Take(5))
        {
            wrong.Append($"product {key}: applied {counts.Applied}, produced {_perProduct[key]}; ");
        }

        return new ProbeTally(
            users.Sum(u => u.counts.Applied),
            products.Sum(p => p.counts.Applied),
            users.Sum(u => u.counts.Duplicates) + products.Sum(p => p.counts.Duplicates),
            wrong.ToString());
    }

    /// <summary>Polls until both the user and the product grains applied <see cref="Count"/> events, or the timeout passes.</summary>
    public async Task<ProbeTally> WaitForAllAsync(IGrainFactory grains, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            ProbeTally tally;
            try
            {
                tally = await TallyAsync(grains);
            }
            catch (Exception ex) when (ex is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException)
            {
                // A grain still addressed to a killed silo until membership declares it dead: ask again shortly.
                await Task.Delay(250);
                continue;
            }

            if ((tally.UserApplied >= Count && tally.ProductApplied >= Count) || clock.Elapsed > timeout)
            {
                // A moment more, so that an event applied twice would show up in the counts.
                await Task.Delay(500);
                return await TallyAsync(grains);
            }

            await Task.Delay(250);
        }
    }
}

public sealed record ProbeTally(long UserApplied, long ProductApplied, long Duplicates, string WrongKeys);
