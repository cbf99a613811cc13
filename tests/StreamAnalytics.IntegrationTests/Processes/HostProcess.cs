using System.Collections.Concurrent;
using System.Diagnostics;

namespace StreamAnalytics.IntegrationTests.Processes;

/// <summary>
/// A child process whose output is kept (the last lines) for failure messages, and which is killed on dispose
/// whatever state the test left it in.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 80;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => _process = process;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The first line the process wrote to standard output.</summary>
    public Task<string> FirstLine => _firstLine.Task;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>, in <see cref="AppContext.BaseDirectory"/>.</summary>
    public static HostProcess Start(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var process = new Process { StartInfo = start };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data, stdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Starts one of the solution's built hosts (a dll copied beside the tests) with <c>dotnet</c>.</summary>
    public static HostProcess StartDotnet(string dll, IEnumerable<string> arguments) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, dll), .. arguments]);

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Tail() => string.Join(Environment.NewLine, _lines);

    /// <summary>Kills the process at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM, as a container runtime does) and waits for it; a process still running
    /// after <paramref name="timeout"/> fails the test.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Process {_process.Id} did not stop within {timeout.TotalSeconds} s of SIGTERM. Its last output:{Environment.NewLine}{Tail()}");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line, bool stdout)
    {
        if (line is null)
        {
            return;
        }

        if (stdout)
        {
            _firstLine.TrySetResult(line);
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
