using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Processes;

/// <summary>
/// Debian's real <c>prometheus</c> server scraping the given targets every second, with its TSDB in a temporary
/// folder, and its HTTP query API.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly HostProcess _process;
    private readonly string _folder;
    private readonly HttpClient _http;

    private PrometheusProcess(HostProcess process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Starts Prometheus scraping <c>/metrics</c> of <paramref name="targets"/> (host:port) as job <c>stream-analytics</c>.</summary>
    public static async Task<PrometheusProcess> StartAsync(IEnumerable<string> targets)
    {
        var folder = Directory.CreateTempSubdirectory("sa-prometheus-").FullName;
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $$"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: stream-analytics
                metrics_path: /metrics
                static_configs:
                  - targets: [{{string.Join(", ", targets.Select(t => $"'{t}'"))}}]
            """);
        var port = FreePort.Next();
        var process = HostProcess.Start("prometheus",
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        ]);
        var prometheus = new PrometheusProcess(process, folder, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await prometheus.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            return prometheus;
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs an instant PromQL query; the <c>data.result</c> array, or an exception naming Prometheus' error.</summary>
    public async Task<JsonElement> QueryAsync(string promQl)
    {
        using var response = await _http.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promQl)}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused '{promQl}': {body}");
        }

        return body.GetProperty("data").GetProperty("result");
    }

    /// <summary>Prometheus' last output lines, for assertion messages.</summary>
    public string Tail() => _process.Tail();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS eventually.
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited while starting:{Environment.NewLine}{_process.Tail()}");
            }

            try
            {
                using var response = await _http.GetAsync("/-/ready");
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

        throw new TimeoutException($"prometheus was not ready within {timeout}:{Environment.NewLine}{_process.Tail()}");
    }
}
