namespace StreamAnalytics.IntegrationTests.Deployment;

/// <summary>deploy/prometheus/prometheus.yml is accepted by Prometheus's own checker (Debian's promtool).</summary>
[Trait("Category", "Deployment")]
public sealed class PrometheusConfigTests
{
    [Fact]
    public async Task Prometheus_config_passes_promtool_check()
    {
        var result = await ExternalTool.RunAsync(
            "promtool", "prometheus", RepositoryFiles.Root, "check", "config", RepositoryFiles.PathOf("deploy", "prometheus", "prometheus.yml"));

        Assert.True(result.ExitCode == 0, $"promtool check config exited {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
    }
}
