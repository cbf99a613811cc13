using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Cli;

/// <summary>
/// <c>sa bench faces</c> end to end in its own process, on a short run: it builds the untrained model, starts the silos,
/// enrols the gallery and times every path. Only the report's shape is checked; speed is the benchmark's business.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BenchFacesCommandTests
{
    [Fact]
    public async Task Sa_bench_faces_reports_positive_rates_and_latencies_for_every_path()
    {
        var result = await SaCommand.RunAsync(
            TimeSpan.FromMinutes(4), "bench", "faces", "--json", "--frames", "300", "--cameras", "8", "--seed-seconds", "0.5");

        Assert.True(result.ExitCode == 0, result.Error);
        using var report = JsonDocument.Parse(result.Output);
        var root = report.RootElement;
        Assert.Equal(300, root.GetProperty("frames").GetInt32());
        Assert.Equal(8, root.GetProperty("cameras").GetInt32());
        Assert.Equal("untrained", root.GetProperty("model").GetString());
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("concurrentBatches").GetInt32());
        foreach (var path in new[] { "onnxBatched", "onnxUnbatched", "grainsBatched", "grainsUnbatched", "seedSizeBatchOne" })
        {
            var measurement = root.GetProperty(path);
            foreach (var key in new[] { "imagesPerSecond", "p50Ms", "p99Ms", "meanBatchSize", "cpuMsPerImage" })
            {
                Assert.True(measurement.GetProperty(key).GetDouble() > 0, $"{path}.{key} should be positive:\n{result.Output}");
            }
        }

        Assert.Equal(1, root.GetProperty("grainsUnbatched").GetProperty("meanBatchSize").GetDouble());
        Assert.True(root.GetProperty("ratio").GetDouble() > 0, result.Output);
        var floors = root.GetProperty("floors");
        Assert.Equal(0.8, floors.GetProperty("minRatio").GetDouble());
        Assert.Equal(2000, floors.GetProperty("minImagesPerSecond").GetDouble());
        Assert.Contains(floors.GetProperty("ratioMet").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Contains(floors.GetProperty("imagesPerSecondMet").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }
}
