using System.Diagnostics;
using Confluent.Kafka;

namespace StreamAnalytics.Cli.Commands;

/// <summary>What <see cref="PacedProducer.ProduceAsync"/> wrote.</summary>
/// <param name="Sent">Records handed to the producer.</param>
/// <param name="Failed">Records the broker did not acknowledge.</param>
/// <param name="FirstError">The first delivery error, if any.</param>
/// <param name="Elapsed">Time from the first record to the final flush.</param>
internal sealed record ProduceSummary(long Sent, long Failed, string? FirstError, TimeSpan Elapsed);

/// <summary>
/// Writes keyed records to a topic at a steady rate (or as fast as possible), reporting progress on stderr once a
/// second, and waits for every acknowledgement: the loop behind <c>sa produce</c> and <c>sa replay</c>.
/// </summary>
internal static class PacedProducer
{
    public static async Task<ProduceSummary> ProduceAsync(
        IEnumerable<(string Key, byte[] Json)> records, ProducerConfig config, string topic, double rate, long? total, string unit, CancellationToken cancellation)
    {
        config.LingerMs ??= 5;
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        var failed = 0L;
        string? firstError = null;
        var sent = 0L;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        foreach (var (key, json) in records)
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            producer.Produce(topic, new Message<string, byte[]> { Key = key, Value = json }, report =>
            {
                if (report.Error.IsError && Interlocked.Increment(ref failed) == 1)
                {
                    firstError = report.Error.Reason;
                }
            });
            sent++;
            if (rate > 0 && TimeSpan.FromSeconds(sent / rate) - clock.Elapsed is { Ticks: > 0 } ahead)
            {
                await Task.Delay(ahead, CancellationToken.None);
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(1))
            {
                lastReport = clock.Elapsed;
                var of = total is > 0 ? $" / {total:N0}" : "";
                await Console.Error.WriteLineAsync($"  {sent:N0}{of} {unit} ({sent / clock.Elapsed.TotalSeconds:N0}/s)");
            }
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        return new ProduceSummary(sent, Interlocked.Read(ref failed), firstError, clock.Elapsed);
    }
}
