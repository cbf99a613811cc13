using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Cli;

/// <summary>
/// <c>sa bench swap</c> end to end in its own process on a short run: two silos, one swap of each model under load.
/// Latency is the benchmark's business; what must hold on any machine is checked: no call failed, every answer came
/// from a registered version, and every silo served each swap.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BenchSwapCommandTests
{
    [Fact]
    public async Task Sa_bench_swap_loses_no_call_and_reports_both_windows_and_every_swap()
    {
        var result = await SaCommand.RunAsync(
            TimeSpan.FromMinutes(4), "bench", "swap", "--json", "--silos", "2", "--swaps", "1", "--steady-seconds", "2", "--ratings", "5000");

        Assert.True(result.ExitCode == 0, result.Error);
        using var report = JsonDocument.Parse(result.Output);
        var root = report.RootElement;
        Assert.Equal(2, root.GetProperty("silos").GetInt32());
        Assert.True(root.GetProperty("unregisteredVersions").GetInt32() == 0, result.Output);
        foreach (var kind in new[] { "predictions", "identifications" })
        {
            var load = root.GetProperty(kind);
            foreach (var window in new[] { "steady", "duringSwaps" })
            {
                var w = load.GetProperty(window);
                Assert.True(w.GetProperty("calls").GetInt32() > 0, $"{kind}.{window} made no calls:\n{result.Output}");
                Assert.True(w.GetProperty("failures").GetInt32() == 0, $"{kind}.{window} had failures:\n{result.Output}");
                Assert.True(w.GetProperty("p99Ms").GetDouble() > 0, result.Output);
            }

            // Steady state is one version; the swap's (checked below to be served by every silo) answers from its
            // activation on, so the swap window may hold only the new one when the swap is fast.
            Assert.Equal(1, load.GetProperty("steady").GetProperty("versions").GetInt32());
            Assert.True(load.GetProperty("duringSwaps").GetProperty("versions").GetInt32() >= 1, result.Output);
            Assert.True(load.GetProperty("p99Ratio").GetDouble() > 0, result.Output);
        }

        foreach (var kind in new[] { "ratingSwaps", "faceSwaps" })
        {
            var swaps = root.GetProperty(kind).GetProperty("ms");
            Assert.Equal(1, swaps.GetArrayLength());
            Assert.True(swaps[0].GetDouble() > 0, result.Output);
        }

        Assert.Equal(2, root.GetProperty("floor").GetProperty("maxP99Ratio").GetDouble());
    }
}
