using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Observability;

/// <summary>The provisioned Grafana dashboard (<c>deploy/grafana/dashboards/stream-analytics.json</c>), read as Grafana would.</summary>
public sealed class GrafanaDashboard
{
    private GrafanaDashboard(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    /// <summary>Every panel, rows included, in file order.</summary>
    public IReadOnlyList<JsonElement> Panels => [.. Root.GetProperty("panels").EnumerateArray()];

    /// <summary>Panels that draw data (not rows).</summary>
    public IReadOnlyList<JsonElement> DataPanels => [.. Panels.Where(p => p.GetProperty("type").GetString() != "row")];

    /// <summary>Every (panel title, PromQL expression) of every data panel.</summary>
    public IReadOnlyList<(string Panel, string Expression)> Queries =>
    [
        .. DataPanels.SelectMany(panel => panel.GetProperty("targets").EnumerateArray()
            .Select(target => (panel.GetProperty("title").GetString()!, target.GetProperty("expr").GetString()!))),
    ];

    public static GrafanaDashboard Load() =>
        new(JsonDocument.Parse(File.ReadAllText(RepositoryFiles.File("deploy", "grafana", "dashboards", "stream-analytics.json"))).RootElement.Clone());
}
