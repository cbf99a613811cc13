using System.Diagnostics;

namespace StreamAnalytics.IntegrationTests.Cluster;

/// <summary>Bounded waits that fail with what was last seen, not with a bare timeout.</summary>
public static class Eventually
{
    /// <summary>
    /// Calls <paramref name="probe"/> until it reports done or <paramref name="timeout"/> passes; on timeout the test
    /// fails with <paramref name="what"/> and the probe's last description of the state.
    /// </summary>
    public static async Task<TimeSpan> WaitAsync(string what, TimeSpan timeout, Func<Task<(bool Done, string State)>> probe, Func<string>? context = null)
    {
        var clock = Stopwatch.StartNew();
        var state = "never probed";
        while (clock.Elapsed < timeout)
        {
            try
            {
                (var done, state) = await probe();
                if (done)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                state = $"{e.GetType().Name}: {e.Message}";
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting for {what}. Last seen: {state}{(context is null ? "" : Environment.NewLine + context())}");
        return clock.Elapsed;
    }
}
