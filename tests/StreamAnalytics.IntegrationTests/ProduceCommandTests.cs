using System.Diagnostics;

namespace StreamAnalytics.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class ProduceCommandTests
{
    [Fact]
    public async Task Sa_produce_rejects_a_client_property_that_is_not_name_value()
    {
        var (exitCode, error) = await RunSaAsync("produce", "--bootstrap", "127.0.0.1:1", "--client-property", "security.protocol");

        Assert.Equal(2, exitCode);
        Assert.Contains("--client-property 'security.protocol' is not name=value", error);
    }

    [Fact]
    public async Task Sa_produce_hands_client_properties_to_librdkafka_unchanged()
    {
        // librdkafka itself refuses a property it does not know: proof that the property reached it.
        var (exitCode, error) = await RunSaAsync("produce", "--bootstrap", "127.0.0.1:1", "--client-property", "no.such.property=1");

        Assert.Equal(2, exitCode);
        Assert.Contains("no.such.property", error);
    }

    [Fact]
    public async Task Sa_replay_takes_the_same_client_properties()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exitCode, error) = await RunSaAsync("replay", file, "--columns", "user,product,rating", "--type", "rating", "--bootstrap", "127.0.0.1:1", "--client-property", "=x");

            Assert.Equal(2, exitCode);
            Assert.Contains("--client-property '=x' is not name=value", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Error)> RunSaAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sa.dll"), .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await error);
    }
}
