using System.Diagnostics;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.IntegrationTests.EndToEnd;

[Trait("Category", "Integration")]
public sealed class EcommerceReplayTests(EmbeddedBrokerFixture fixture) : IClassFixture<EmbeddedBrokerFixture>
{
    [Fact]
    public async Task Replaying_the_ecommerce_interactions_counts_every_type_and_dead_letters_the_rows_without_one()
    {
        var csv = SharedDatasets.File("ecommerce", "E-commerece sales data 2024.csv");
        var topic = $"ecommerce-{Guid.NewGuid():N}"[..22];
        fixture.Broker.CreateTopic(topic, 4);
        fixture.Broker.CreateTopic($"{topic}.dlq", 1);
        var cluster = await InteractionCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 4, silos: 1);
        try
        {
            var (exitCode, output) = await RunSaAsync("replay", csv, "--bootstrap", fixture.Broker.BootstrapServers, "--topic", topic);
            Assert.True(exitCode == 0, output);
            Assert.Contains("replayed 2,999 rows", output);

            // Each of the 2,999 users appears exactly once in the file.
            var counts = new Dictionary<string, long>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                counts.Clear();
                foreach (var user in Enumerable.Range(1, 2_999))
                {
                    if (await cluster.GrainFactory.GetGrain<IUserGrain>(user.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetFeatures() is { } features)
                    {
                        foreach (var (type, count) in features.Counts)
                        {
                            counts[type] = counts.GetValueOrDefault(type) + count;
                        }
                    }
                }

                if (counts.Values.Sum() >= 2_871)
                {
                    break;
                }

                await Task.Delay(500);
            }

            Assert.Equal(1_145, counts.GetValueOrDefault("like"));
            Assert.Equal(871, counts.GetValueOrDefault("view"));
            Assert.Equal(855, counts.GetValueOrDefault("purchase"));
            Assert.Equal(0, counts.Where(c => c.Key is not ("like" or "view" or "purchase")).Sum(c => c.Value));

            var reasons = DeadLetters.Read(fixture.Broker.BootstrapServers, $"{topic}.dlq", 128).Select(l => l.Reason).ToList();
            Assert.Equal(128, reasons.Count);
            Assert.All(reasons, reason => Assert.Equal("missing type", reason));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Replaying_a_headerless_tsv_with_a_column_mapping_keeps_the_file_times_and_dead_letters_bad_rows()
    {
        var topic = $"tsv-{Guid.NewGuid():N}"[..16];
        fixture.Broker.CreateTopic(topic, 2);
        fixture.Broker.CreateTopic($"{topic}.dlq", 1);
        var file = Path.Combine(Path.GetTempPath(), $"{topic}.tsv");
        await File.WriteAllLinesAsync(file, ["ignored\ttsv-u1\ttsv-p1\t4.5\t1700000000", "ignored\ttsv-u1\ttsv-p2\t2\t1700000060", "ignored\ttsv-u2\ttsv-p1\tnine\t1700000120"]);
        var cluster = await InteractionCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 2, silos: 1);
        try
        {
            var (exitCode, output) = await RunSaAsync("replay", file, "--bootstrap", fixture.Broker.BootstrapServers, "--topic", topic,
                "--no-header", "--columns", "_,user,product,rating,timestamp", "--timestamp", "unix", "--type", "rating");
            Assert.True(exitCode == 0, output);

            var user = cluster.GrainFactory.GetGrain<IUserGrain>("tsv-u1");
            var clock = Stopwatch.StartNew();
            var features = await user.GetFeatures();
            while (features?.EventsApplied != 2 && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
                features = await user.GetFeatures();
            }

            Assert.Equal(2, features!.RatingCount);
            Assert.Equal(3.25, features.RatingMean, 9);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), features.FirstSeen);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_060), features.LastSeen);
            Assert.Equal(["invalid rating"], DeadLetters.Read(fixture.Broker.BootstrapServers, $"{topic}.dlq", 1).Select(l => l.Reason));
        }
        finally
        {
            File.Delete(file);
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunSaAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sa.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
