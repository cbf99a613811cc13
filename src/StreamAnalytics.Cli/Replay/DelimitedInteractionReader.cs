using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace StreamAnalytics.Cli.Replay;

/// <summary>Reads a CSV/TSV file of interactions row by row into records keyed by user id.</summary>
internal static class DelimitedInteractionReader
{
    /// <summary>The rows as (user id, JSON record), in file order; <paramref name="extras"/> adds fields per user or product.</summary>
    public static IEnumerable<(string Key, byte[] Json)> Read(ReplaySettings settings, Func<string, string, IReadOnlyDictionary<string, string>?>? extras = null)
    {
        using var reader = new StreamReader(settings.Path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = settings.Delimiter,
            HasHeaderRecord = settings.HasHeader,
            BadDataFound = null,
            MissingFieldFound = null,
        });
        if (settings.HasHeader)
        {
            csv.Read();
            csv.ReadHeader();
        }

        var row = 0L;
        while (csv.Read())
        {
            row++;
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var field in ReplayColumns.Fields)
            {
                if (settings.Columns[field] is { } column)
                {
                    fields[field] = int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                        ? csv.GetField(index)
                        : csv.GetField(column);
                }
            }

            fields["event"] = fields.GetValueOrDefault("event") ?? $"{settings.EventIdPrefix}{row}";
            fields["type"] = fields.GetValueOrDefault("type") ?? settings.FixedType ?? "";
            if (fields.GetValueOrDefault("timestamp") is { } timestamp)
            {
                fields["timestamp"] = ReplayTimestamps.Normalize(timestamp, settings.Timestamps);
            }

            var user = fields.GetValueOrDefault("user") ?? "";
            yield return (user, InteractionRowWriter.Write(fields, extras?.Invoke(user, fields.GetValueOrDefault("product") ?? "")));
        }
    }
}
