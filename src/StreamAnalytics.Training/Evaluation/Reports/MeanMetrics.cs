namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>Metrics averaged over folds (each fold weighing the same); a metric undefined in every fold is null.</summary>
public sealed record MeanMetrics(double? Rmse, double? Mae, double? R2)
{
    /// <summary>The means of <paramref name="folds"/>, skipping each fold's undefined metrics.</summary>
    public static MeanMetrics Of(IReadOnlyList<RegressionMetrics> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        return new MeanMetrics(Mean(folds.Select(f => f.Rmse)), Mean(folds.Select(f => f.Mae)), Mean(folds.Select(f => f.R2)));
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.OfType<double>().ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
