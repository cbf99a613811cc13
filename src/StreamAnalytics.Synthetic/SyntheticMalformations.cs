using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Synthetic;

/// <summary>The invalid records the synthetic feed can mix in, named by the reason the contract's validator gives.</summary>
public static class SyntheticMalformations
{
    public const string NotJson = InteractionRejectReasons.NotJson;
    public const string MissingUserId = InteractionRejectReasons.MissingUserId;
    public const string UnknownType = InteractionRejectReasons.UnknownType;
    public const string InvalidTimestamp = InteractionRejectReasons.InvalidTimestamp;
    public const string NegativePrice = InteractionRejectReasons.NegativePrice;
    public const string RatingOutOfRange = InteractionRejectReasons.RatingOutOfRange;

    private static readonly string[] All = [NotJson, MissingUserId, UnknownType, InvalidTimestamp, NegativePrice, RatingOutOfRange];

    public static string Pick(Random random) => All[random.Next(All.Length)];
}
