using StreamAnalytics.IntegrationTests.Processes;
namespace StreamAnalytics.IntegrationTests.Cluster;

/// <summary><c>sa broker</c> in its own process: the Kafka-protocol broker every silo of the test reads.</summary>
public sealed class StandaloneBroker : IAsyncDisposable
{
    private readonly HostProcess _process;

    private StandaloneBroker(HostProcess process, string bootstrapServers)
    {
        _process = process;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>The bootstrap address <c>sa broker</c> printed.</summary>
    public string BootstrapServers { get; }

    /// <summary>Starts <c>sa broker</c> with its default topics and reads its address.</summary>
    public static async Task<StandaloneBroker> StartAsync()
    {
        var process = HostProcess.StartDotnet("sa.dll", ["broker"]);
        try
        {
            var address = await process.FirstLine.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Matches(@"^127\.0\.0\.1:\d+", address);
            return new StandaloneBroker(process, address);
        }
        catch (TimeoutException)
        {
            await process.DisposeAsync();
            Assert.Fail($"sa broker printed no address within 60 s:{Environment.NewLine}{process.Tail()}");
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
