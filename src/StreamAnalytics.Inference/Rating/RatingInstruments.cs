using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Inference.Rating;

/// <summary>The rating model's instruments on this silo, named by the scheme in docs/operations.md.</summary>
public sealed class RatingInstruments
{
    /// <summary>The <c>model.kind</c> tag of the rating model: <c>rating</c>.</summary>
    public const string Kind = "rating";

    private static readonly KeyValuePair<string, object?> KindTag = new("model.kind", Kind);

    private static readonly InstrumentAdvice<double> RatingErrorBuckets = new()
    {
        HistogramBucketBoundaries = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4],
    };

    private readonly Counter<long> _predictions;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _onlineError;

    /// <summary>Creates the instruments on the StreamAnalytics meter; the active-version gauge reads <paramref name="host"/>.</summary>
    public RatingInstruments(IMeterFactory meterFactory, ModelHost<RatingModel> host)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(host);
        var meter = meterFactory.Create(MeterNames.Meter);
        _predictions = meter.CreateCounter<long>(MeterNames.Predictions, unit: "{prediction}", description: "Predictions served.");
        _duration = meter.CreateHistogram(MeterNames.InferenceDuration, unit: "s", description: "One model call.", tags: null, advice: InferenceBuckets.Seconds);
        _onlineError = meter.CreateHistogram(
            MeterNames.RatingOnlineError, unit: "{rating}", description: "Absolute error of ratings predicted before they were learnt.", tags: null, advice: RatingErrorBuckets);
        meter.CreateObservableGauge(
            MeterNames.ActiveModelVersion,
            () => host.ActiveVersion is { } version
                ? [new Measurement<long>(1, KindTag, new KeyValuePair<string, object?>("model.version", version))]
                : Array.Empty<Measurement<long>>(),
            unit: "{version}",
            description: "1 for the model version active on this silo.");
    }

    /// <summary>Counts <paramref name="count"/> predictions of <paramref name="version"/> and the call's duration.</summary>
    public void RecordCall(int count, string version, TimeSpan elapsed)
    {
        _predictions.Add(count, KindTag, new KeyValuePair<string, object?>("model.version", version));
        _duration.Record(elapsed.TotalSeconds, KindTag, new KeyValuePair<string, object?>("batch", InferenceBuckets.BatchBucket(count)));
    }

    /// <summary>Records one rating's prequential errors: the frozen model's and the model's with online biases.</summary>
    public void RecordOnlineError(float frozenError, float onlineError)
    {
        _onlineError.Record(Math.Abs(frozenError), new KeyValuePair<string, object?>("predictor", "frozen"));
        _onlineError.Record(Math.Abs(onlineError), new KeyValuePair<string, object?>("predictor", "online"));
    }
}
