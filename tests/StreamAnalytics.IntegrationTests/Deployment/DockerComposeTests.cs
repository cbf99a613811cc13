using System.Diagnostics;
using System.Net;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace StreamAnalytics.IntegrationTests.Deployment;

/// <summary>
/// docker-compose.yml is validated, never run, here (no Docker engine on these machines): Debian's docker-compose 1.29
/// checks it and these tests pin down start order, the silos' settings and what Prometheus scrapes.
/// </summary>
[Trait("Category", "Deployment")]
public sealed class DockerComposeTests
{
    private static readonly string[] Silos = ["silo1", "silo2", "trainer"];

    [Fact]
    public async Task Compose_file_is_valid_for_docker_compose_1_29_without_warnings()
    {
        var result = await ExternalTool.RunAsync("docker-compose", "docker-compose", RepositoryFiles.Root, "-f", ComposeModel.FilePath, "config", "-q");

        Assert.True(result.ExitCode == 0, $"docker-compose config -q exited {result.ExitCode}: {result.StandardError}");
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Every_dependency_waits_for_health_or_completion_not_mere_start()
    {
        var compose = await ComposeModel.LoadAsync();
        var services = compose.Services;

        foreach (var (name, service) in services)
        {
            foreach (var (dependency, settings) in ComposeModel.OptionalMapping(service, "depends_on")?.Children
                .Select(e => (((YamlScalarNode)e.Key).Value!, (YamlMappingNode)e.Value)) ?? [])
            {
                // A dependency with a healthcheck is ready when healthy; one without is a one-shot step that must finish.
                var expected = ComposeModel.HasHealthcheck(services[dependency]) ? "service_healthy" : "service_completed_successfully";
                Assert.True(
                    ComposeModel.OptionalScalar(settings, "condition") == expected,
                    $"{name} depends on {dependency} with condition '{ComposeModel.OptionalScalar(settings, "condition")}'; expected {expected}.");
            }
        }
    }

    [Fact]
    public async Task Services_others_wait_on_have_healthchecks_and_silos_check_their_health_endpoint()
    {
        var services = (await ComposeModel.LoadAsync()).Services;

        foreach (var name in (string[])["kafka", "redis", "prometheus", .. Silos])
        {
            Assert.True(ComposeModel.HasHealthcheck(services[name]), $"{name} has no healthcheck.");
        }

        foreach (var silo in Silos)
        {
            var test = ComposeModel.Strings(ComposeModel.Mapping(services[silo], "healthcheck"), "test");
            Assert.Contains("http://localhost:8080/health", test);
        }
    }

    [Fact]
    public async Task Silos_get_kafka_redis_and_orleans_settings_and_advertise_their_static_address()
    {
        var compose = await ComposeModel.LoadAsync();
        var subnets = ((YamlSequenceNode)ComposeModel.Mapping(compose.Network("analytics"), "ipam").Children[new YamlScalarNode("config")])
            .Children.OfType<YamlMappingNode>()
            .Select(config => IPNetwork.Parse(ComposeModel.OptionalScalar(config, "subnet")!))
            .ToList();
        var expected = new Dictionary<string, string>
        {
            ["Kafka__BootstrapServers"] = "kafka:9092",
            ["Orleans__Clustering"] = "Redis",
            ["Orleans__GrainStorage"] = "Redis",
            ["Orleans__Redis"] = "redis:6379",
            ["Orleans__SiloPort"] = "11111",
            ["Orleans__GatewayPort"] = "30000",
            ["Urls"] = "http://0.0.0.0:8080",
            ["ORT_DISABLE_TELEMETRY"] = "1",
        };

        var clusterIds = new HashSet<string>();
        var addresses = new HashSet<string>();
        foreach (var silo in Silos)
        {
            var service = compose.Services[silo];
            var environment = ComposeModel.Environment(service);
            foreach (var (key, value) in expected)
            {
                Assert.True(environment.TryGetValue(key, out var actual) && actual == value, $"{silo}: {key} is '{actual}', expected '{value}'.");
            }

            Assert.False(string.IsNullOrWhiteSpace(environment.GetValueOrDefault("Orleans__ServiceId")), $"{silo}: Orleans__ServiceId is missing.");
            clusterIds.Add(environment.GetValueOrDefault("Orleans__ClusterId") ?? "");

            var staticAddress = ComposeModel.OptionalScalar(ComposeModel.Mapping(ComposeModel.Mapping(service, "networks"), "analytics"), "ipv4_address");
            Assert.Equal(staticAddress, environment.GetValueOrDefault("Orleans__AdvertisedIPAddress"));
            Assert.Contains(subnets, subnet => subnet.Contains(IPAddress.Parse(staticAddress!)));
            addresses.Add(staticAddress!);
        }

        // One cluster, two members: the same cluster id, different addresses.
        Assert.Single(clusterIds);
        Assert.DoesNotContain("", clusterIds);
        Assert.Equal(Silos.Length, addresses.Count);
    }

    [Fact]
    public async Task Silo_http_apis_are_published_on_host_ports_8081_to_8083()
    {
        var services = (await ComposeModel.LoadAsync()).Services;

        foreach (var (silo, hostPort) in new[] { ("silo1", "8081"), ("silo2", "8082"), ("trainer", "8083") })
        {
            var ports = ((YamlSequenceNode)services[silo].Children[new YamlScalarNode("ports")]).Children.OfType<YamlMappingNode>();
            Assert.Contains(ports, p => ComposeModel.OptionalScalar(p, "published") == hostPort && ComposeModel.OptionalScalar(p, "target") == "8080");
        }
    }

    [Fact]
    public async Task Mounted_prometheus_config_exists_and_scrapes_every_silo_every_five_seconds()
    {
        var prometheus = (await ComposeModel.LoadAsync()).Services["prometheus"];
        var (source, _) = Assert.Single(ComposeModel.BindMounts(prometheus), m => m.Target == "/etc/prometheus/prometheus.yml");
        Assert.True(File.Exists(source), $"{source} is mounted into Prometheus but does not exist.");

        var config = new YamlStream();
        config.Load(new StringReader(await File.ReadAllTextAsync(source)));
        var job = ((YamlSequenceNode)((YamlMappingNode)config.Documents[0].RootNode).Children[new YamlScalarNode("scrape_configs")])
            .Children.OfType<YamlMappingNode>()
            .Single(j => ComposeModel.OptionalScalar(j, "job_name") == "stream-analytics");
        var targets = ((YamlSequenceNode)job.Children[new YamlScalarNode("static_configs")]).Children.OfType<YamlMappingNode>()
            .SelectMany(c => ComposeModel.Strings(c, "targets"));

        Assert.Equal(["silo1:8080", "silo2:8080", "trainer:8080"], targets.Order());
        Assert.Equal("/metrics", ComposeModel.OptionalScalar(job, "metrics_path") ?? "/metrics");
        Assert.Equal("5s", ComposeModel.OptionalScalar(job, "scrape_interval"));
    }

    [Fact]
    public async Task Only_the_trainer_silo_has_the_trainer_role_and_workers_default_to_worker()
    {
        var services = (await ComposeModel.LoadAsync()).Services;

        Assert.Equal("trainer", ComposeModel.Environment(services["trainer"]).GetValueOrDefault("Orleans__Role"));
        Assert.All((string[])["silo1", "silo2"], silo => Assert.False(ComposeModel.Environment(services[silo]).ContainsKey("Orleans__Role"), silo));
    }

    [Fact]
    public async Task Grafana_mounts_exist_so_provisioned_files_reach_the_container()
    {
        var grafana = (await ComposeModel.LoadAsync()).Services["grafana"];
        var mounts = ComposeModel.BindMounts(grafana).ToDictionary(m => m.Target, m => m.Source);

        Assert.True(Directory.Exists(mounts["/etc/grafana/provisioning"]), "deploy/grafana/provisioning is missing.");
        Assert.True(Directory.Exists(mounts["/var/lib/grafana/dashboards"]), "deploy/grafana/dashboards is missing.");
        Assert.Equal("Viewer", ComposeModel.Environment(grafana).GetValueOrDefault("GF_AUTH_ANONYMOUS_ORG_ROLE"));
    }

    [Fact]
    public async Task Kafka_init_creates_every_configured_topic_with_the_silos_partition_count()
    {
        var init = (await ComposeModel.LoadAsync()).Services["kafka-init"];
        var (scripts, target) = Assert.Single(ComposeModel.BindMounts(init));
        var entrypoint = ComposeModel.Strings(init, "entrypoint");
        var script = entrypoint.Single(a => a.StartsWith(target + "/", StringComparison.Ordinal));
        var text = await File.ReadAllTextAsync(Path.Combine(scripts, Path.GetRelativePath(target, script)));

        using var settings = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryFiles.PathOf("src", "StreamAnalytics.Silo", "appsettings.json")));
        foreach (var topic in settings.RootElement.GetProperty("Kafka").GetProperty("Topics").EnumerateObject())
        {
            Assert.Contains($"{topic.Name}:{topic.Value.GetProperty("Partitions").GetInt32()}", text);
            if (topic.Value.TryGetProperty("DeadLetterTopic", out var deadLetters))
            {
                Assert.Contains($"{deadLetters.GetString()}:1", text);
            }
        }
    }

    [Theory]
    [InlineData("producer", "produce")]
    [InlineData("frame-feeder", "frames")]
    [InlineData("enrol", "enrol")]
    [InlineData("face-model", "train faces")]
    [InlineData("rating-model", "train rating")]
    public async Task Cli_services_use_only_options_their_sa_command_accepts(string service, string verb)
    {
        var command = ComposeModel.Strings((await ComposeModel.LoadAsync()).Services[service], "command");
        var words = verb.Split(' ');
        Assert.Equal(words, command.Take(words.Length));
        if (command.Contains("--bootstrap"))
        {
            Assert.Equal("kafka:9092", command[command.ToList().IndexOf("--bootstrap") + 1]);
        }

        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sa.dll"), .. words, "--help"])
        {
            RedirectStandardOutput = true,
        };
        using var sa = Process.Start(start)!;
        var help = await sa.StandardOutput.ReadToEndAsync();
        await sa.WaitForExitAsync();

        foreach (var option in command.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            Assert.Contains(option, help);
        }
    }
}
