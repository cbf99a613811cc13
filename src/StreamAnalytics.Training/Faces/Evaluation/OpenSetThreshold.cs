namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>Chooses the open-set threshold from validation scores.</summary>
public static class OpenSetThreshold
{
    /// <summary>
    /// The threshold that maximises the mean of (genuine probes accepted with the right identity) and (impostor probes
    /// rejected): candidates are the midpoints between neighbouring scores, so the choice does not sit on a sample.
    /// </summary>
    /// <param name="genuine">Each genuine probe's best score and whether the best match was right.</param>
    /// <param name="impostors">Each impostor probe's best score.</param>
    public static double Choose(IReadOnlyList<(double Score, bool Correct)> genuine, IReadOnlyList<double> impostors)
    {
        ArgumentNullException.ThrowIfNull(genuine);
        ArgumentNullException.ThrowIfNull(impostors);
        var scores = genuine.Select(g => g.Score).Concat(impostors).Order().ToArray();
        var candidates = scores.Zip(scores.Skip(1), (a, b) => (a + b) / 2).Prepend(scores[0] - 1e-6).Append(scores[^1] + 1e-6);
        return candidates
            .Select(t => (Threshold: t, Balanced: Balanced(t, genuine, impostors)))
            .OrderByDescending(c => c.Balanced)
            .ThenBy(c => c.Threshold)
            .First().Threshold;
    }

    /// <summary>The mean of the genuine accept-and-correct rate and the impostor rejection rate at <paramref name="threshold"/>.</summary>
    public static double Balanced(double threshold, IReadOnlyList<(double Score, bool Correct)> genuine, IReadOnlyList<double> impostors) =>
        (GenuineAccepted(threshold, genuine) + ImpostorRejected(threshold, impostors)) / 2;

    /// <summary>Genuine probes at or above the threshold with the right identity.</summary>
    public static double GenuineAccepted(double threshold, IReadOnlyList<(double Score, bool Correct)> genuine) =>
        genuine.Count == 0 ? 0 : (double)genuine.Count(g => g.Correct && g.Score >= threshold) / genuine.Count;

    /// <summary>Impostor probes below the threshold.</summary>
    public static double ImpostorRejected(double threshold, IReadOnlyList<double> impostors) =>
        impostors.Count == 0 ? 0 : (double)impostors.Count(s => s < threshold) / impostors.Count;
}
