namespace StreamAnalytics.Inference.Gallery;

/// <summary>
/// Chooses the open-set threshold from validation scores: <em>genuine</em> scores (a probe's best score when its
/// person is enrolled) and <em>impostor</em> scores (a probe's best score when its person is not). A score at or above
/// the threshold is accepted.
/// </summary>
/// <remarks>
/// Any threshold between two neighbouring scores gives the same rates on the validation data, so both rules take the
/// midpoint of the gap they pick: the widest margin on both sides for scores not seen in calibration. Pure: the inputs
/// are not changed.
/// </remarks>
public static class OpenSetThreshold
{
    /// <summary>
    /// The lowest threshold (so the most genuine faces accepted) whose false accept rate on
    /// <paramref name="impostor"/> is at most <paramref name="targetFalseAcceptRate"/> (0 to 1): with n impostor
    /// scores, at most ⌊target × n⌋ of them are accepted. Both sets must be non-empty and finite.
    /// </summary>
    public static OpenSetCalibration CalibrateForFalseAcceptRate(
        ReadOnlySpan<float> genuine, ReadOnlySpan<float> impostor, double targetFalseAcceptRate)
    {
        if (!(targetFalseAcceptRate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetFalseAcceptRate), targetFalseAcceptRate, "The target false accept rate must be between 0 and 1.");
        }

        var (genuineSorted, impostorSorted) = Sorted(genuine, impostor);
        var n = impostorSorted.Length;

        // The tiny slack keeps 0.05 × 100 at 5 despite binary rounding.
        var allowed = (int)Math.Floor((targetFalseAcceptRate * n) + 1e-9);
        if (allowed >= n)
        {
            return Evaluate(Math.Min(genuineSorted[0], impostorSorted[0]), genuineSorted, impostorSorted);
        }

        // Reject the (allowed + 1)-th highest impostor score and everything up to it; the threshold goes halfway to
        // the next higher score of either kind.
        var rejected = impostorSorted[n - 1 - allowed];
        var above = NextAbove(rejected, genuineSorted, impostorSorted);
        return Evaluate(Between(rejected, above), genuineSorted, impostorSorted);
    }

    /// <summary>
    /// The threshold with the highest balanced accuracy, the mean of the genuine acceptance rate and the impostor
    /// rejection rate (plain accuracy when both sets are the same size; unlike plain accuracy, it is not swayed by
    /// how many probes of each kind the validation data happens to have). Among equally accurate thresholds, the
    /// highest: it accepts fewest strangers. Scores that separate perfectly give the midpoint between the highest
    /// impostor and the lowest genuine score. Both sets must be non-empty and finite.
    /// </summary>
    public static OpenSetCalibration CalibrateForAccuracy(ReadOnlySpan<float> genuine, ReadOnlySpan<float> impostor)
    {
        var (genuineSorted, impostorSorted) = Sorted(genuine, impostor);

        // Sweep upwards over the distinct scores; below each threshold lie g genuine and i impostor scores. Accuracy is
        // compared as an exact integer, (G - g)·I + i·G (balanced accuracy × 2GI), so equal accuracies tie exactly.
        long genuineCount = genuineSorted.Length, impostorCount = impostorSorted.Length;
        var best = Math.Min(genuineSorted[0], impostorSorted[0]);
        var bestScore = genuineCount * impostorCount;
        int g = 0, i = 0;
        while (g < genuineSorted.Length || i < impostorSorted.Length)
        {
            var value = Math.Min(At(genuineSorted, g), At(impostorSorted, i));
            while (g < genuineSorted.Length && genuineSorted[g] == value)
            {
                g++;
            }

            while (i < impostorSorted.Length && impostorSorted[i] == value)
            {
                i++;
            }

            var score = ((genuineCount - g) * impostorCount) + (i * genuineCount);
            if (score >= bestScore)
            {
                bestScore = score;
                best = Between(value, Math.Min(At(genuineSorted, g), At(impostorSorted, i)));
            }
        }

        return Evaluate(best, genuineSorted, impostorSorted);
    }

    /// <summary>Throws unless <paramref name="threshold"/> is a finite number (a cosine threshold lies in [-1, 1],
    /// but any finite value is allowed: above 1 rejects everyone).</summary>
    internal static void ThrowIfInvalid(float threshold)
    {
        if (!float.IsFinite(threshold))
        {
            throw new ArgumentException($"The open-set threshold must be a finite number (was {threshold}).", nameof(threshold));
        }
    }

    private static (float[] Genuine, float[] Impostor) Sorted(ReadOnlySpan<float> genuine, ReadOnlySpan<float> impostor)
    {
        return (SortedCopy(genuine, nameof(genuine)), SortedCopy(impostor, nameof(impostor)));

        static float[] SortedCopy(ReadOnlySpan<float> scores, string name)
        {
            if (scores.IsEmpty)
            {
                throw new ArgumentException("At least one score is needed.", name);
            }

            var copy = scores.ToArray();
            if (!Array.TrueForAll(copy, float.IsFinite))
            {
                throw new ArgumentException("Every score must be a finite number.", name);
            }

            Array.Sort(copy);
            return copy;
        }
    }

    private static float At(float[] sorted, int index) => index < sorted.Length ? sorted[index] : float.PositiveInfinity;

    private static float NextAbove(float value, float[] genuineSorted, float[] impostorSorted) =>
        Math.Min(At(genuineSorted, FirstIndex(genuineSorted, x => x > value)), At(impostorSorted, FirstIndex(impostorSorted, x => x > value)));

    /// <summary>A threshold above <paramref name="low"/> and at most <paramref name="high"/>: their midpoint, or just
    /// above <paramref name="low"/> when nothing is higher.</summary>
    private static float Between(float low, float high)
    {
        if (float.IsPositiveInfinity(high))
        {
            return MathF.BitIncrement(low);
        }

        var middle = low + ((high - low) / 2);
        return middle > low ? middle : high;
    }

    private static double BalancedAccuracy(int genuineBelow, int impostorBelow, int genuineCount, int impostorCount) =>
        ((genuineCount - genuineBelow) / (double)genuineCount + impostorBelow / (double)impostorCount) / 2;

    private static OpenSetCalibration Evaluate(float threshold, float[] genuineSorted, float[] impostorSorted)
    {
        var genuineBelow = CountBelow(genuineSorted, threshold);
        var impostorBelow = CountBelow(impostorSorted, threshold);
        return new OpenSetCalibration(
            threshold,
            FalseAcceptRate: (impostorSorted.Length - impostorBelow) / (double)impostorSorted.Length,
            FalseRejectRate: genuineBelow / (double)genuineSorted.Length,
            BalancedAccuracy(genuineBelow, impostorBelow, genuineSorted.Length, impostorSorted.Length));
    }

    private static int CountBelow(float[] sorted, float threshold) => FirstIndex(sorted, x => x >= threshold);

    /// <summary>The first index whose value satisfies <paramref name="from"/>, a condition that, once true, stays true
    /// along the sorted array (binary search); the length when none does.</summary>
    private static int FirstIndex(float[] sorted, Func<float, bool> from)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (from(sorted[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
