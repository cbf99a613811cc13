using System.ComponentModel;
using System.Diagnostics;

namespace StreamAnalytics.IntegrationTests.Deployment;

/// <summary>What an external tool printed and how it exited.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs a command-line tool the deployment tests check files with. A missing tool fails the test (never a skip):
/// CI installs it, so its absence is a broken machine, not a reason to pass.
/// </summary>
public static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="tool"/> in <paramref name="workingDirectory"/>; <paramref name="package"/> is the Debian package that has it.</summary>
    public static async Task<ToolResult> RunAsync(string tool, string package, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{tool} is not installed ({e.Message}): apt-get install -y --no-install-recommends {package}, as .ci/run does.");
            throw;
        }

        using (process)
        {
            // Read both pipes at once: a tool that fills one while we wait on the other would never exit.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new ToolResult(process.ExitCode, await output, await error);
        }
    }
}
