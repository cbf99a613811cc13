namespace StreamAnalytics.Cli.Produce;

/// <summary>The invalid records the synthetic feed can mix in, named by the reason a validator must give.</summary>
internal static class SyntheticMalformations
{
    public const string NotJson = "not json";
    public const string MissingUserId = "missing userId";
    public const string UnknownType = "unknown type";
    public const string InvalidTimestamp = "invalid timestamp";
    public const string NegativePrice = "negative price";
    public const string RatingOutOfRange = "rating out of range";

    private static readonly string[] All = [NotJson, MissingUserId, UnknownType, InvalidTimestamp, NegativePrice, RatingOutOfRange];

    public static string Pick(Random random) => All[random.Next(All.Length)];
}
