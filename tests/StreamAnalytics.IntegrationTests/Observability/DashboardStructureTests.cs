using System.Text.Json;
using System.Text.RegularExpressions;

namespace StreamAnalytics.IntegrationTests.Observability;

public sealed partial class DashboardStructureTests
{
    private readonly GrafanaDashboard _dashboard = GrafanaDashboard.Load();

    [Fact]
    public void Every_panel_and_query_uses_the_datasource_uid_the_provisioning_file_declares()
    {
        var provisioning = File.ReadAllText(RepositoryFiles.File("deploy", "grafana", "provisioning", "datasources", "prometheus.yml"));
        var uid = Assert.Single(DatasourceUid().Matches(provisioning)).Groups[1].Value;

        foreach (var panel in _dashboard.DataPanels)
        {
            var title = panel.GetProperty("title").GetString();
            Assert.True(uid == panel.GetProperty("datasource").GetProperty("uid").GetString(), $"Panel '{title}' uses another datasource than '{uid}'.");
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                Assert.True(uid == target.GetProperty("datasource").GetProperty("uid").GetString(), $"A query of '{title}' uses another datasource than '{uid}'.");
            }
        }
    }

    [Fact]
    public void Panel_ids_are_unique()
    {
        var ids = _dashboard.Panels.Select(p => p.GetProperty("id").GetInt32()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Panels_lie_on_the_24_column_grid_without_overlapping()
    {
        var boxes = _dashboard.Panels.Select(p => (Title: p.GetProperty("title").GetString()!, Box: GridBox.Of(p))).ToList();

        foreach (var (title, box) in boxes)
        {
            Assert.True(box.X >= 0 && box.Y >= 0 && box.W > 0 && box.H > 0 && box.X + box.W <= 24, $"Panel '{title}' has an invalid position {box}.");
        }

        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Box.Overlaps(boxes[j].Box), $"Panels '{boxes[i].Title}' and '{boxes[j].Title}' overlap.");
            }
        }
    }

    [Fact]
    public void Every_data_panel_has_a_query_and_tells_the_operator_what_it_means()
    {
        Assert.NotEmpty(_dashboard.DataPanels);
        foreach (var panel in _dashboard.DataPanels)
        {
            var title = panel.GetProperty("title").GetString();
            Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("description").GetString()), $"Panel '{title}' has no description.");
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.True(targets.Count > 0, $"Panel '{title}' has no query.");
            Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()), $"Panel '{title}' has an empty query."));
        }
    }

    [Fact]
    public void The_dashboard_has_the_rows_operators_look_for()
    {
        var rows = _dashboard.Panels.Where(p => p.GetProperty("type").GetString() == "row").Select(p => p.GetProperty("title").GetString()!).ToList();

        foreach (var expected in new[] { "Ingest", "Features", "API", "Orleans", "Runtime" })
        {
            Assert.Contains(rows, row => row.StartsWith(expected, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"^\s*uid:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DatasourceUid();

    private readonly record struct GridBox(int X, int Y, int W, int H)
    {
        public static GridBox Of(JsonElement panel)
        {
            var grid = panel.GetProperty("gridPos");
            return new GridBox(grid.GetProperty("x").GetInt32(), grid.GetProperty("y").GetInt32(), grid.GetProperty("w").GetInt32(), grid.GetProperty("h").GetInt32());
        }

        public bool Overlaps(GridBox other) =>
            X < other.X + other.W && other.X < X + W && Y < other.Y + other.H && other.Y < Y + H;
    }
}
