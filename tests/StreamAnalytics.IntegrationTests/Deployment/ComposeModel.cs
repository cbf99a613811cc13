using YamlDotNet.RepresentationModel;

namespace StreamAnalytics.IntegrationTests.Deployment;

/// <summary>
/// <c>docker-compose.yml</c> as docker-compose itself resolves it (<c>docker-compose config</c>: anchors merged,
/// paths absolute, short forms expanded), so the tests check what compose would run, not how the file is spelled.
/// Debian's docker-compose 1.29 prints only YAML (no <c>--format json</c>).
/// </summary>
public sealed class ComposeModel
{
    private readonly YamlMappingNode _root;

    private ComposeModel(YamlMappingNode root) => _root = root;

    /// <summary>The compose file at the repository root.</summary>
    public static string FilePath => RepositoryFiles.PathOf("docker-compose.yml");

    /// <summary>Runs <c>docker-compose config</c> on the repository's compose file and parses what it prints.</summary>
    public static async Task<ComposeModel> LoadAsync()
    {
        var result = await ExternalTool.RunAsync("docker-compose", "docker-compose", RepositoryFiles.Root, "-f", FilePath, "config");
        Assert.True(result.ExitCode == 0, $"docker-compose config failed: {result.StandardError}");
        var stream = new YamlStream();
        stream.Load(new StringReader(result.StandardOutput));
        return new ComposeModel((YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>Every service by name.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Services =>
        Mapping(_root, "services").Children.ToDictionary(e => Scalar(e.Key), e => (YamlMappingNode)e.Value);

    /// <summary>A top-level network by name.</summary>
    public YamlMappingNode Network(string name) => Mapping(Mapping(_root, "networks"), name);

    /// <summary>The child mapping under <paramref name="key"/>, failing the test when there is none.</summary>
    public static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode mapping
            ? mapping
            : throw new Xunit.Sdk.XunitException($"No mapping '{key}' in {node}");

    /// <summary>The child mapping under <paramref name="key"/>, or null.</summary>
    public static YamlMappingNode? OptionalMapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    /// <summary>The scalar under <paramref name="key"/>, or null.</summary>
    public static string? OptionalScalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>The items of the sequence under <paramref name="key"/> as text (empty when there is none).</summary>
    public static IReadOnlyList<string> Strings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode sequence
            ? sequence.Children.Select(Scalar).ToList()
            : [];

    /// <summary>A service's environment as a dictionary (compose prints it as a mapping).</summary>
    public static IReadOnlyDictionary<string, string> Environment(YamlMappingNode service) =>
        OptionalMapping(service, "environment")?.Children.ToDictionary(e => Scalar(e.Key), e => Scalar(e.Value)) ?? [];

    /// <summary>Whether the service defines a healthcheck that is not disabled.</summary>
    public static bool HasHealthcheck(YamlMappingNode service) =>
        OptionalMapping(service, "healthcheck") is { } check && OptionalScalar(check, "disable") != "true";

    /// <summary>A service's bind mounts as (host path, container path) pairs.</summary>
    public static IEnumerable<(string Source, string Target)> BindMounts(YamlMappingNode service) =>
        Strings(service, "volumes")
            .Select(volume => volume.Split(':'))
            .Where(parts => parts.Length >= 2 && Path.IsPathRooted(parts[0]))
            .Select(parts => (parts[0], parts[1]));

    private static string Scalar(YamlNode node) => node is YamlScalarNode scalar
        ? scalar.Value ?? ""
        : throw new Xunit.Sdk.XunitException($"Expected a scalar, found {node}");
}
