using System.Globalization;
using System.Text.Json;
using static StreamAnalytics.Inference.Rating.RatingModelContract;

namespace StreamAnalytics.Inference.Rating;

/// <summary>What a rating model's <c>metadata_props</c> carry, read and checked.</summary>
internal sealed record RatingModelMetadata(
    string Version,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> ProductIds,
    IReadOnlyList<string> FeatureNames,
    float RatingMin,
    float RatingMax,
    DateTimeOffset TrainedAt)
{
    /// <exception cref="ModelLoadException">The kind is not <c>rating</c>, or a value is missing or unreadable.</exception>
    public static RatingModelMetadata Read(IReadOnlyDictionary<string, string> map)
    {
        var kind = map.GetValueOrDefault(KindKey);
        if (kind != Kind)
        {
            throw new ModelLoadException(ModelLoadFailure.WrongKind, $"{KindKey} is '{kind ?? "(missing)"}', expected '{Kind}'.");
        }

        var version = Required(map, VersionKey);
        var min = Float(map, RatingMinKey);
        var max = Float(map, RatingMaxKey);
        if (!(min <= max))
        {
            throw new ModelLoadException(ModelLoadFailure.BadMetadata, $"{RatingMinKey} ({min}) is above {RatingMaxKey} ({max}).");
        }

        var trainedAtText = Required(map, TrainedAtKey);
        if (!DateTimeOffset.TryParse(trainedAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var trainedAt))
        {
            throw new ModelLoadException(ModelLoadFailure.BadMetadata, $"{TrainedAtKey} '{trainedAtText}' is not an ISO-8601 time.");
        }

        return new RatingModelMetadata(
            version, Strings(map, UsersKey), Strings(map, ProductsKey), Strings(map, FeaturesKey), min, max, trainedAt.ToUniversalTime());
    }

    private static string Required(IReadOnlyDictionary<string, string> map, string key) =>
        map.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw new ModelLoadException(ModelLoadFailure.BadMetadata, $"metadata {key} is missing.");

    private static float Float(IReadOnlyDictionary<string, string> map, string key)
    {
        var text = Required(map, key);
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
            ? value
            : throw new ModelLoadException(ModelLoadFailure.BadMetadata, $"metadata {key} '{text}' is not a finite number.");
    }

    private static string[] Strings(IReadOnlyDictionary<string, string> map, string key)
    {
        var text = Required(map, key);
        string[]? values;
        try
        {
            values = JsonSerializer.Deserialize<string[]>(text);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException(ModelLoadFailure.BadMetadata, $"metadata {key} is not a JSON array of strings.", e);
        }

        if (values is null || values.Any(string.IsNullOrEmpty))
        {
            throw new ModelLoadException(ModelLoadFailure.BadMetadata, $"metadata {key} is not a JSON array of non-empty strings.");
        }

        return values;
    }
}
