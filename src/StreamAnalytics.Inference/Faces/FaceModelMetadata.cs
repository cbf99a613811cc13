using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;
using static StreamAnalytics.Inference.Faces.FaceModelContract;

namespace StreamAnalytics.Inference.Faces;

/// <summary>What a face model's <c>metadata_props</c> carry, read and checked.</summary>
internal sealed record FaceModelMetadata(string Version, DateTimeOffset TrainedAt, IReadOnlyList<string> Identities, float Threshold)
{
    /// <exception cref="ModelLoadException">The kind is not <c>face</c>, or a value is missing, unreadable or off the contract.</exception>
    public static FaceModelMetadata Read(IReadOnlyDictionary<string, string> map)
    {
        var kind = map.GetValueOrDefault(KindKey);
        if (kind != Kind)
        {
            throw new ModelLoadException(ModelLoadFailure.WrongKind, $"{KindKey} is '{kind ?? "(missing)"}', expected '{Kind}'.");
        }

        var version = Required(map, VersionKey);
        var trainedAtText = Required(map, TrainedAtKey);
        if (!DateTimeOffset.TryParse(trainedAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var trainedAt))
        {
            throw Bad($"{TrainedAtKey} '{trainedAtText}' is not an ISO-8601 time.");
        }

        var threshold = ReadThreshold(map);
        RequireSize(map, InputHeightKey, InputHeight);
        RequireSize(map, InputWidthKey, InputWidth);
        return new FaceModelMetadata(version, trainedAt.ToUniversalTime(), ReadIdentities(map), threshold);
    }

    private static string Required(IReadOnlyDictionary<string, string> map, string key) =>
        map.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : throw Bad($"metadata {key} is missing.");

    private static float ReadThreshold(IReadOnlyDictionary<string, string> map)
    {
        var text = Required(map, ThresholdKey);
        // A cosine similarity: anything outside [-1, 1] would make every face known or every face unknown.
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= -1f and <= 1f
            ? value
            : throw Bad($"metadata {ThresholdKey} '{text}' is not a cosine similarity in [-1, 1].");
    }

    private static void RequireSize(IReadOnlyDictionary<string, string> map, string key, int expected)
    {
        var text = Required(map, key);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value != expected)
        {
            throw Bad($"metadata {key} is '{text}', but the face contract's input is {InputHeight}x{InputWidth}.");
        }
    }

    private static ReadOnlyCollection<string> ReadIdentities(IReadOnlyDictionary<string, string> map)
    {
        var text = Required(map, IdentitiesKey);
        string[]? names;
        try
        {
            names = JsonSerializer.Deserialize<string[]>(text);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException(ModelLoadFailure.BadMetadata, $"metadata {IdentitiesKey} is not a JSON array of strings.", e);
        }

        if (names is null || names.Length == 0 || names.Any(string.IsNullOrEmpty))
        {
            throw Bad($"metadata {IdentitiesKey} is not a non-empty JSON array of non-empty strings.");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        // Read-only: the list is handed out as the model's Identities, shared by every caller.
        return duplicate is null ? Array.AsReadOnly(names) : throw Bad($"metadata {IdentitiesKey} repeats the identity '{duplicate.Key}'.");
    }

    private static ModelLoadException Bad(string message) => new(ModelLoadFailure.BadMetadata, message);
}
