namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>Limits an interaction record must respect to be accepted by <see cref="InteractionEventParser"/>.</summary>
public sealed class InteractionValidationOptions
{
    /// <summary>The lowest accepted <c>age</c> (inclusive): 0. Not a setting: ages are years, whatever the deployment.</summary>
    public const int AgeMin = 0;

    /// <summary>The highest accepted <c>age</c> (inclusive): 150.</summary>
    public const int AgeMax = 150;

    /// <summary>The largest accepted record, in bytes of UTF-8 JSON, checked before parsing. Defaults to 65536 (64 KiB).</summary>
    public int MaxRecordBytes { get; set; } = 65536;

    /// <summary>The lowest accepted rating (inclusive). Defaults to 1.</summary>
    public double RatingMin { get; set; } = 1;

    /// <summary>The highest accepted rating (inclusive). Defaults to 5.</summary>
    public double RatingMax { get; set; } = 5;

    /// <summary>The longest accepted <c>eventId</c>, <c>userId</c> or <c>productId</c>, in characters. Defaults to 256.</summary>
    public int MaxIdLength { get; set; } = 256;

    /// <summary>Throws when a limit is unusable (non-positive sizes, an empty or inverted rating scale).</summary>
    /// <exception cref="ArgumentException">Names the bad setting.</exception>
    public void Validate()
    {
        if (MaxRecordBytes <= 0)
        {
            throw new ArgumentException($"{nameof(MaxRecordBytes)} must be positive, not {MaxRecordBytes}.");
        }

        if (MaxIdLength <= 0)
        {
            throw new ArgumentException($"{nameof(MaxIdLength)} must be positive, not {MaxIdLength}.");
        }

        if (!double.IsFinite(RatingMin) || !double.IsFinite(RatingMax) || RatingMin > RatingMax)
        {
            throw new ArgumentException(
                $"{nameof(RatingMin)} ({RatingMin}) and {nameof(RatingMax)} ({RatingMax}) must be finite, with the minimum not above the maximum.");
        }
    }
}
