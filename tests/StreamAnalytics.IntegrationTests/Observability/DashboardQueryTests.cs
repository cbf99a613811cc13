using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using StreamAnalytics.Abstractions;
using StreamAnalytics.IntegrationTests.Processes;

namespace StreamAnalytics.IntegrationTests.Observability;

/// <summary>
/// The dashboard never shows a metric we do not export: a real silo (embedded defaults, <c>--demo</c> feed) is scraped
/// by Debian's real <c>prometheus</c>, and every query of every panel must return data.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DashboardQueryTests
{
    // Grafana replaces $__rate_interval with at least four scrape intervals; Prometheus here scrapes every second.
    private const string RateInterval = "15s";

    [Fact]
    public async Task Every_dashboard_query_returns_data_from_a_demo_silo_scraped_by_a_real_prometheus()
    {
        var queries = GrafanaDashboard.Load().Queries;
        // The face row needs a face model and camera traffic: the test's model, and the demo cameras replaying ORL.
        var orl = Path.GetDirectoryName(Path.GetDirectoryName(SharedDatasets.File("orl", "s1", "1.pgm")))!;
        await using var silo = await SiloProcess.StartAsync(
            "--demo", $"--Models:Face:Path={Faces.TrainedFaceModel.Path}", $"--Models:Face:BootstrapDataset={orl}", "--Demo:CameraFps=40");
        await using var prometheus = await PrometheusProcess.StartAsync([silo.BaseAddress.Authority]);
        var bootstrap = (await silo.HealthAsync()).GetProperty("broker").GetProperty("bootstrapServers").GetString()!;
        await ProduceMalformedRecordsAsync(bootstrap);

        var empty = queries.ToList();
        var clock = Stopwatch.StartNew();
        while (empty.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            // API traffic of every kind the panels break down: successes, 404s and 400s.
            await CallApiAsync(silo.Http);
            await Task.Delay(1_000);
            var stillEmpty = new List<(string Panel, string Expression)>();
            foreach (var query in empty)
            {
                var result = await prometheus.QueryAsync(query.Expression.Replace("$__rate_interval", RateInterval, StringComparison.Ordinal));
                if (result.GetArrayLength() == 0)
                {
                    stillEmpty.Add(query);
                }
            }

            empty = stillEmpty;
        }

        Assert.True(empty.Count == 0,
            $"Dashboard queries without data after {clock.Elapsed.TotalSeconds:F0} s:{Environment.NewLine}"
            + string.Join(Environment.NewLine, empty.Select(q => $"  [{q.Panel}] {q.Expression}"))
            + $"{Environment.NewLine}silo:{Environment.NewLine}{silo.Tail()}");
    }

    // Straight to Kafka, past the API's validation, as a faulty producer would: they must end in the dead-letter topic.
    private static async Task ProduceMalformedRecordsAsync(string bootstrap)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        foreach (var (key, value) in new[] { ("bad-1", "not json"), ("bad-2", """{"eventId":"e-bad-2","productId":"p1","type":"view","timestamp":"2026-12-03T10:00:00Z"}""") })
        {
            await producer.ProduceAsync(TopicNames.Interactions, new Message<string, byte[]> { Key = key, Value = Encoding.UTF8.GetBytes(value) });
        }
    }

    private static async Task CallApiAsync(HttpClient http)
    {
        using var known = await http.GetAsync("/api/users/u1");
        using var unknown = await http.GetAsync("/api/products/no-such-product");
        using var invalid = await http.PostAsync("/api/interactions", new StringContent("""{"eventId":"x"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
