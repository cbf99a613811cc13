namespace StreamAnalytics.Cli.Replay;

/// <summary>How to read one delimited file of interactions.</summary>
/// <param name="Path">The file.</param>
/// <param name="Delimiter">The field separator (<c>,</c> for CSV, a tab for TSV).</param>
/// <param name="HasHeader">Whether the first line names the columns.</param>
/// <param name="Columns">Which column holds which field.</param>
/// <param name="Timestamps">How event times are written.</param>
/// <param name="FixedType">The type of every event when the file has no type column (e.g. <c>rating</c>).</param>
/// <param name="EventIdPrefix">Event ids are this plus the row number when the file has no event id column.</param>
internal sealed record ReplaySettings(
    string Path,
    string Delimiter,
    bool HasHeader,
    ReplayColumns Columns,
    ReplayTimestampFormat Timestamps,
    string? FixedType,
    string EventIdPrefix);
