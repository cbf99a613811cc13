using System.Diagnostics;

namespace StreamAnalytics.IntegrationTests.Cli;

/// <summary>
/// Runs the built <c>sa</c> (copied beside the tests; every project builds for linux-x64, so its natives, libtorch's
/// patched for Debian 12 included, sit where <c>sa.deps.json</c> looks for them) to its end, keeping its exit code
/// and both outputs.
/// </summary>
internal static class SaCommand
{
    private static readonly Lazy<string> Dll = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "sa.dll");
        Assert.True(File.Exists(path), $"{path} is missing: the integration tests reference the CLI project.");
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
