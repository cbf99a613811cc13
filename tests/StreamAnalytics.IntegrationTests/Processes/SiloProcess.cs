using StreamAnalytics.IntegrationTests.Cluster;
using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Processes;

/// <summary>
/// The real silo host (<c>StreamAnalytics.Silo.dll</c>, copied beside the tests) in its own process, on free ports,
/// with an HTTP client on its API: on its embedded defaults, or clustered and storing grain state through Redis.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly HostProcess _process;

    private SiloProcess(HostProcess process, Uri url, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
        BaseAddress = url;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Where the silo's HTTP API listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The silo-to-silo port, which the silo's address in <c>/health</c> names.</summary>
    public int SiloPort { get; }

    /// <summary>A client on the silo's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Starts a silo with Redis clustering and Redis grain storage; <paramref name="extraSettings"/> are further
    /// <c>--Key=value</c> settings.
    /// </summary>
    public static SiloProcess Start(string bootstrapServers, string redis, string clusterId, params string[] extraSettings) => Launch(
    [
        $"--Kafka:BootstrapServers={bootstrapServers}",
        "--Orleans:Clustering=Redis",
        "--Orleans:GrainStorage=Redis",
        $"--Orleans:Redis={redis}",
        $"--Orleans:ClusterId={clusterId}",
        .. extraSettings,
    ]);

    /// <summary>
    /// Starts a silo on its defaults (localhost clustering as its own primary, embedded broker unless the settings name
    /// one) with <paramref name="settings"/> (<c>--Key=value</c>, <c>--demo</c>), and waits until <c>/health</c> answers.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(params string[] settings)
    {
        var silo = Launch(settings);
        try
        {
            await Eventually.WaitAsync("the silo answers /health", TimeSpan.FromSeconds(60), async () =>
            {
                Assert.False(silo._process.HasExited, $"The silo exited while starting. {silo.Tail()}");
                using var response = await silo.Http.GetAsync("/health");
                return (response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
            }, silo.Tail);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    // Free ports for HTTP, silo and gateway; a later --Orleans:PrimarySiloPort or --Urls in the settings wins.
    private static SiloProcess Launch(IEnumerable<string> settings)
    {
        var siloPort = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var process = HostProcess.StartDotnet("StreamAnalytics.Silo.dll",
        [
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:PrimarySiloPort={siloPort}",
            $"--Orleans:GatewayPort={FreePort.Next()}",
            $"--Urls={url}",
            .. settings,
        ]);
        return new SiloProcess(process, url, siloPort);
    }

    /// <summary>The last lines the silo logged.</summary>
    public string Tail() => $"silo :{SiloPort} (exited: {_process.HasExited}):{Environment.NewLine}{_process.Tail()}";

    /// <summary><c>GET /health</c>.</summary>
    public async Task<JsonElement> HealthAsync()
    {
        if (_process.HasExited)
        {
            Assert.Fail($"The silo exited. {Tail()}");
        }

        return await HealthDocument.GetAsync(Http);
    }

    /// <summary>Kills the process, as a crash would: no goodbye to the cluster, no offsets committed on the way out.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Stops the silo gracefully (SIGTERM) and waits up to a minute for it to leave.</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(60));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}
