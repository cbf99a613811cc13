using StreamAnalytics.IntegrationTests.Processes;
using StreamAnalytics.Silo;

namespace StreamAnalytics.IntegrationTests.Cluster;

[Trait("Category", "Integration")]
public sealed class SiloClusteringSettingsTests
{
    [Fact]
    public void The_defaults_are_localhost_clustering_and_memory_storage_and_need_no_redis()
    {
        var options = new SiloOptions();

        Assert.Empty(SiloOptionsValidator.Validate(options));
        Assert.Equal("Localhost", options.Clustering);
        Assert.Equal("Memory", options.GrainStorage);
    }

    [Theory]
    [InlineData("Redis", "Memory")]
    [InlineData("Localhost", "Redis")]
    public void Redis_clustering_or_storage_without_a_redis_address_names_the_missing_key(string clustering, string storage)
    {
        var errors = SiloOptionsValidator.Validate(new SiloOptions { Clustering = clustering, GrainStorage = storage });

        Assert.Contains(errors, e => e.StartsWith("Orleans:Redis is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_providers_are_rejected_with_the_accepted_values()
    {
        var errors = SiloOptionsValidator.Validate(new SiloOptions { Clustering = "Zookeeper", GrainStorage = "Disk" });

        Assert.Contains("Orleans:Clustering is 'Zookeeper': use one of Localhost, Redis.", errors);
        Assert.Contains("Orleans:GrainStorage is 'Disk': use one of Memory, Redis.", errors);
    }

    [Fact]
    public void Provider_names_are_case_insensitive_and_read_back_in_their_canonical_spelling()
    {
        var options = new SiloOptions { Clustering = "redis", GrainStorage = "REDIS", Redis = "127.0.0.1:6379" };

        SiloOptionsValidator.ThrowIfInvalid(options);

        Assert.Equal("Redis", options.Clustering);
        Assert.Equal("Redis", options.GrainStorage);
    }

    [Fact]
    public void An_advertised_address_that_is_neither_an_ip_nor_a_resolvable_name_is_rejected()
    {
        var errors = SiloOptionsValidator.Validate(new SiloOptions { AdvertisedIPAddress = "no-such-host.invalid" });

        Assert.Contains(errors, e => e.StartsWith("Orleans:AdvertisedIPAddress 'no-such-host.invalid'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_silo_started_with_redis_storage_but_no_redis_address_stops_with_a_message_naming_the_key()
    {
        await using var silo = HostProcess.StartDotnet("StreamAnalytics.Silo.dll",
            ["--Kafka:BootstrapServers=127.0.0.1:1", "--Orleans:GrainStorage=Redis", $"--Urls=http://127.0.0.1:{FreePort.Next()}"]);

        await Eventually.WaitAsync("the silo to exit", TimeSpan.FromSeconds(60), () => Task.FromResult((silo.HasExited, "running")), silo.Tail);

        Assert.Contains("Orleans:Redis is empty", silo.Tail());
    }
}
