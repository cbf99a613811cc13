using System.Globalization;

namespace StreamAnalytics.Cli.Replay;

/// <summary>How a file writes its event times (<c>--timestamp</c>).</summary>
internal enum ReplayTimestampFormat
{
    /// <summary>ISO-8601 date and time.</summary>
    Iso,

    /// <summary>Unix time in seconds (or milliseconds, when the number is too large for seconds).</summary>
    Unix,

    /// <summary>A date without time of day, e.g. <c>10 October 2023</c>, <c>2023-10-10</c>, <c>10/10/2023</c> (day first).</summary>
    Date,
}

/// <summary>Turns a file's event time into ISO-8601 UTC; an unreadable one is passed on unchanged, to be dead-lettered.</summary>
internal static class ReplayTimestamps
{
    private static readonly string[] DateFormats = ["d MMMM yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy"];

    public static string Normalize(string raw, ReplayTimestampFormat format)
    {
        var text = raw.Trim();
        switch (format)
        {
            case ReplayTimestampFormat.Unix when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                var instant = number > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(number) : DateTimeOffset.FromUnixTimeSeconds(number);
                return instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            case ReplayTimestampFormat.Date when DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date):
                return DateTime.SpecifyKind(date, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
            case ReplayTimestampFormat.Iso when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso):
                return iso.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            default:
                return text;
        }
    }
}
