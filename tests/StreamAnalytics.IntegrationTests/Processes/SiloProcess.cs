using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Processes;

/// <summary>
/// The real silo host (<c>StreamAnalytics.Silo.dll</c>, copied beside the tests) in a process of its own, listening
/// on a free loopback port with its own Orleans ports, as a user would run it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Where the silo's HTTP API listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the silo's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts a silo with <paramref name="arguments"/> (configuration switches, <c>--demo</c>) and waits until <c>/health</c> answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(params string[] arguments)
    {
        var httpPort = FreePort.Next();
        var silo = FreePort.Next();
        var gateway = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        string[] defaults =
        [
            Path.Combine(AppContext.BaseDirectory, "StreamAnalytics.Silo.dll"),
            $"--Urls={baseAddress}",
            $"--Orleans:SiloPort={silo}",
            $"--Orleans:PrimarySiloPort={silo}",
            $"--Orleans:GatewayPort={gateway}",
        ];
        var process = ChildProcess.Start("dotnet", [.. defaults, .. arguments], new Dictionary<string, string> { ["ORT_DISABLE_TELEMETRY"] = "1" });
        var host = new SiloProcess(process, baseAddress);
        try
        {
            await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The <c>/health</c> document.</summary>
    public async Task<JsonElement> HealthAsync() => await Http.GetFromJsonAsync<JsonElement>("/health");

    /// <summary>The silo's last output lines, for assertion messages.</summary>
    public string Tail() => _process.Tail();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited while starting:{Environment.NewLine}{_process.Tail()}");
            }

            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The silo did not answer /health within {timeout}:{Environment.NewLine}{_process.Tail()}");
    }
}
