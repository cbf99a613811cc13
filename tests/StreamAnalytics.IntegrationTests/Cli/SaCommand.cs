using System.Diagnostics;

namespace StreamAnalytics.IntegrationTests.Cli;

/// <summary>
/// Runs the built <c>sa</c> to its end, keeping its exit code and both outputs. It runs from the CLI project's own
/// output (same configuration and framework as the tests, runtime linux-x64), not from the copy beside the tests:
/// there libtorch's natives sit where <c>sa.deps.json</c> looks for them, patched for Debian 12, whereas beside the
/// tests they sit under <c>runtimes/</c>, and TorchSharp then falls back to the unpatched package copy and fails.
/// </summary>
internal static class SaCommand
{
    private static readonly Lazy<string> Dll = new(() =>
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var path = RepositoryFiles.PathOf("src", "StreamAnalytics.Cli", "bin", framework.Parent!.Name, framework.Name, "linux-x64", "sa.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build src/StreamAnalytics.Cli in the tests' configuration.");
        return path;
    });

    public static async Task<SaResult> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Dll.Value, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(Dll.Value)!,
        };
        start.Environment["ORT_DISABLE_TELEMETRY"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new SaResult(process.ExitCode, await output, await error);
    }
}

/// <summary>What a finished <c>sa</c> run left.</summary>
internal sealed record SaResult(int ExitCode, string Output, string Error);
