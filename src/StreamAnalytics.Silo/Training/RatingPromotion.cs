using System.Globalization;

namespace StreamAnalytics.Silo.Training;

/// <summary>
/// The rating model's promotion rule on the hold-out (the newest ratings, never trained on): a candidate is promoted
/// only when its RMSE is strictly lower than the active version's and not higher than the best baseline's (global
/// mean, user + product biases, fitted on the same training part). With no active version only the baselines
/// bind. A candidate with no RMSE (no hold-out, non-finite predictions) is never promoted.
/// </summary>
public static class RatingPromotion
{
    /// <summary>Decides on the hold-out RMSEs; the reason is a sentence for the registry and the run.</summary>
    /// <param name="candidate">The candidate's RMSE.</param>
    /// <param name="active">The active version's RMSE; null when none is active (or it cannot be scored).</param>
    /// <param name="baselines">The baselines' RMSEs by name; undefined ones are left out.</param>
    public static (bool Promote, string Reason) Decide(double? candidate, double? active, IReadOnlyDictionary<string, double?> baselines)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        if (candidate is not { } rmse || !double.IsFinite(rmse))
        {
            return (false, "the candidate has no held-out RMSE");
        }

        var best = baselines.Where(b => b.Value is { } v && double.IsFinite(v)).OrderBy(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).FirstOrDefault();
        if (best.Key is not null && rmse > best.Value!.Value)
        {
            return (false, Say($"held-out RMSE {rmse:F4} is worse than the {best.Key} baseline's {best.Value:F4}"));
        }

        if (active is { } current && double.IsFinite(current) && !(rmse < current))
        {
            return (false, Say($"held-out RMSE {rmse:F4} is not better than the active version's {current:F4}"));
        }

        return (true, Say($"held-out RMSE {rmse:F4} (active: {(active is { } a ? a.ToString("F4", CultureInfo.InvariantCulture) : "none")}, best baseline: {(best.Key is null ? "none" : Say($"{best.Key} {best.Value:F4}"))})"));
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
