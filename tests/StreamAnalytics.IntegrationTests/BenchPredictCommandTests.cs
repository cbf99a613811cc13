using System.Diagnostics;
using System.Text.Json;

namespace StreamAnalytics.IntegrationTests;

/// <summary>
/// <c>sa bench predict</c> end to end in its own process: it trains, feeds, serves and times all three paths. Only the
/// report's shape is checked; timings on a shared machine are the benchmark's business, not the test's.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BenchPredictCommandTests
{
    [Fact]
    public async Task Sa_bench_predict_reports_positive_latencies_for_every_path()
    {
        var (exitCode, output, error) = await RunSaAsync("bench", "predict", "--calls", "200", "--events", "2000", "--ratings", "2000", "--json");

        Assert.True(exitCode == 0, error);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(200, report.RootElement.GetProperty("calls").GetInt32());
        foreach (var key in new[]
        {
            "onnxP50Ms", "onnxP99Ms", "grainP50Ms", "grainP99Ms", "apiP50Ms", "apiP99Ms",
            "grainOverOnnxP50", "grainOverOnnxP99", "apiOverOnnxP50", "apiOverOnnxP99",
        })
        {
            Assert.True(report.RootElement.GetProperty(key).GetDouble() > 0, $"{key} should be positive:\n{output}");
        }
    }

    [Fact]
    public async Task Sa_bench_predict_rejects_too_few_calls()
    {
        var (exitCode, _, error) = await RunSaAsync("bench", "predict", "--calls", "10");

        Assert.Equal(2, exitCode);
        Assert.Contains("--calls must be between 100 and 1000000", error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunSaAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sa.dll"), .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ORT_DISABLE_TELEMETRY"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }
}
