namespace StreamAnalytics.Cli.Replay;

/// <summary>
/// Which column of a delimited file holds which interaction field. Parsed from <c>--columns</c>: either
/// <c>field=column</c> pairs (column = header name or 0-based index), or a plain list of fields in column order
/// (<c>user,product,rating,timestamp</c>; <c>_</c> skips a column).
/// </summary>
internal sealed class ReplayColumns
{
    /// <summary>The interaction fields a column can map to.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "user", "product", "type", "rating", "timestamp", "price", "quantity", "category", "review", "event",
    };

    private readonly Dictionary<string, string> _columns;

    private ReplayColumns(Dictionary<string, string> columns) => _columns = columns;

    /// <summary>The column (header name or index) of <paramref name="field"/>, if mapped.</summary>
    public string? this[string field] => _columns.GetValueOrDefault(field);

    /// <summary>Parses <c>--columns</c>; returns null and a message naming the problem when it is invalid.</summary>
    public static ReplayColumns? Parse(string spec, out string? error)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = spec.Split(',', StringSplitOptions.TrimEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var (field, column) = parts[i].Split('=', 2, StringSplitOptions.TrimEntries) is [var f, var c]
                ? (f, c)
                : (parts[i], i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (field == "_")
            {
                continue;
            }

            if (!Fields.Contains(field))
            {
                error = $"--columns: '{field}' is not one of {string.Join(", ", Fields)} (or _ to skip a column).";
                return null;
            }

            if (!columns.TryAdd(field, column))
            {
                error = $"--columns: '{field}' is mapped twice.";
                return null;
            }
        }

        if (!columns.ContainsKey("user") || !columns.ContainsKey("product"))
        {
            error = "--columns must map at least user and product.";
            return null;
        }

        error = null;
        return new ReplayColumns(columns);
    }
}
