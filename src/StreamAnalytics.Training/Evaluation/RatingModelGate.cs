using System.Globalization;

namespace StreamAnalytics.Training.Evaluation;

/// <summary>
/// The promotion rule for a trained rating model: the candidate is accepted only if its validation RMSE is strictly
/// lower than every baseline's; otherwise the baseline with the lowest validation RMSE is what gets served (ties go
/// to the first name in ordinal order). So a model is never served when a mean or the biases would predict better,
/// and the test split stays untouched by the decision. A candidate whose RMSE is undefined (no validation examples,
/// non-finite predictions) is rejected; a baseline whose RMSE is undefined is not a contender.
/// </summary>
public static class RatingModelGate
{
    /// <summary>The name <see cref="RatingGateDecision.Served"/> gives the candidate model: <c>candidate</c>.</summary>
    public const string Candidate = "candidate";

    /// <summary>Decides between the candidate and the baselines on their validation metrics.</summary>
    /// <exception cref="ArgumentException">No baseline is given.</exception>
    public static RatingGateDecision Choose(RegressionMetrics candidateValidation, IReadOnlyDictionary<string, RegressionMetrics> baselineValidation)
    {
        ArgumentNullException.ThrowIfNull(candidateValidation);
        ArgumentNullException.ThrowIfNull(baselineValidation);
        if (baselineValidation.Count == 0)
        {
            throw new ArgumentException("The gate needs at least one baseline to compare with.", nameof(baselineValidation));
        }

        var best = baselineValidation
            .Where(b => b.Value.Rmse is not null)
            .OrderBy(b => b.Value.Rmse!.Value)
            .ThenBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => (Name: b.Key, Rmse: b.Value.Rmse!.Value))
            .FirstOrDefault();
        var candidate = candidateValidation.Rmse;
        if (best.Name is null)
        {
            return candidate is { } alone
                ? new RatingGateDecision(true, Candidate, string.Create(CultureInfo.InvariantCulture, $"No baseline has a validation RMSE; the candidate's is {alone:F4}."))
                : throw new ArgumentException("Neither the candidate nor any baseline has a validation RMSE.", nameof(baselineValidation));
        }

        if (candidate is { } rmse && rmse < best.Rmse)
        {
            return new RatingGateDecision(true, Candidate, string.Create(CultureInfo.InvariantCulture, $"Validation RMSE {rmse:F4} beats every baseline (best: {best.Name} {best.Rmse:F4})."));
        }

        var said = candidate is { } value ? value.ToString("F4", CultureInfo.InvariantCulture) : "undefined";
        return new RatingGateDecision(false, best.Name, string.Create(CultureInfo.InvariantCulture, $"Validation RMSE {said} does not beat {best.Name} ({best.Rmse:F4}); serving {best.Name}."));
    }
}
