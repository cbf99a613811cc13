namespace StreamAnalytics.Grains.Features;

/// <summary>
/// An exponentially decayed event count in event time: each event adds its weight, and the score halves every
/// <see cref="HalfLife"/> (1 hour by default). The score is kept as of <see cref="ReferenceTime"/>, the latest event
/// time seen; a late event adds its weight already decayed by how late it is, so the order of arrival does not
/// change the result.
/// </summary>
[GenerateSerializer]
public sealed class TrendingScore
{
    /// <summary>The default half-life: 1 hour.</summary>
    public static readonly TimeSpan DefaultHalfLife = TimeSpan.FromHours(1);

    [Id(0)]
    private readonly long _halfLifeTicks;

    /// <summary>A score with the default half-life of 1 hour.</summary>
    public TrendingScore()
        : this(DefaultHalfLife)
    {
    }

    /// <summary>A score with the given half-life.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The half-life is not positive.</exception>
    public TrendingScore(TimeSpan halfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        _halfLifeTicks = halfLife.Ticks;
    }

    /// <summary>How long the score takes to halve.</summary>
    public TimeSpan HalfLife => TimeSpan.FromTicks(_halfLifeTicks);

    /// <summary>The score as of <see cref="ReferenceTime"/>; 0 before the first event.</summary>
    [Id(1)]
    public double Value { get; private set; }

    /// <summary>The latest event time seen, or null before the first event.</summary>
    [Id(2)]
    public DateTimeOffset? ReferenceTime { get; private set; }

    /// <summary>Adds an event of weight <paramref name="weight"/> (1 by default) that happened at <paramref name="timestamp"/>.</summary>
    public void Add(DateTimeOffset timestamp, double weight = 1)
    {
        if (ReferenceTime is not { } reference)
        {
            Value = weight;
            ReferenceTime = timestamp;
        }
        else if (timestamp >= reference)
        {
            Value = (Value * Decay(timestamp - reference)) + weight;
            ReferenceTime = timestamp;
        }
        else
        {
            Value += weight * Decay(reference - timestamp);
        }
    }

    /// <summary>The score decayed to <paramref name="time"/> (no decay for a time at or before <see cref="ReferenceTime"/>).</summary>
    public double ValueAt(DateTimeOffset time) =>
        ReferenceTime is { } reference && time > reference ? Value * Decay(time - reference) : Value;

    private double Decay(TimeSpan elapsed) => double.Exp2(-(double)elapsed.Ticks / _halfLifeTicks);
}
