using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Faces;

/// <summary>The face identification instruments of a silo (names in <see cref="MeterNames"/>).</summary>
public sealed class FaceInstruments
{
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private readonly Counter<long> _frames;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _enrolments;
    private readonly Counter<long> _predictions;

    /// <summary>Creates the instruments on the StreamAnalytics meter.</summary>
    public FaceInstruments(IMeterFactory meterFactory, GallerySynchronizer galleries, ModelHost<FaceModel> models)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(galleries);
        ArgumentNullException.ThrowIfNull(models);
        var meter = meterFactory.Create(MeterNames.Meter);
        _frames = meter.CreateCounter<long>(MeterNames.Frames, unit: "{frame}", description: "Camera frames by outcome.");
        _duration = meter.CreateHistogram(MeterNames.FrameDuration, unit: "s", description: "A frame from arrival to identification.", tags: null, advice: SecondsBuckets);
        _enrolments = meter.CreateCounter<long>(MeterNames.Enrolments, unit: "{image}", description: "Enrolment images by outcome.");
        // The same instrument as the rating model's, so the exporter merges them.
        _predictions = meter.CreateCounter<long>(MeterNames.Predictions, unit: "{prediction}", description: "Predictions served.");
        meter.CreateObservableGauge(MeterNames.GalleryIdentities, () => galleries.ActiveCount, unit: "{identity}", description: "Identities in this silo's gallery.");

        // The same instrument as the rating model's (same name, unit and description), so the exporter merges them.
        meter.CreateObservableGauge(
            MeterNames.ActiveModelVersion,
            () => models.ActiveVersion is { } version
                ? [new Measurement<long>(1, new KeyValuePair<string, object?>("model.kind", FrameIdentifier.Kind), new KeyValuePair<string, object?>("model.version", version))]
                : Array.Empty<Measurement<long>>(),
            unit: "{version}",
            description: "1 for the model version active on this silo.");

        // Every outcome is exported from the start, so a dashboard shows 0 rather than "no data" for the rare ones.
        foreach (var status in Enum.GetValues<FrameStatus>())
        {
            foreach (var source in (FrameSource[])[FrameSource.Http, FrameSource.Kafka])
            {
                _frames.Add(0, ResultTag(status), SourceTag(source));
            }
        }

        foreach (var status in Enum.GetValues<EnrolmentStatus>())
        {
            _enrolments.Add(0, new KeyValuePair<string, object?>("result", Snake(status.ToString())));
        }
    }

    /// <summary>Counts a frame's outcome and, when it was identified by <paramref name="modelVersion"/>, its duration
    /// and the model's prediction.</summary>
    public void Frame(FrameStatus status, FrameSource source, TimeSpan elapsed, string? modelVersion)
    {
        _frames.Add(1, ResultTag(status), SourceTag(source));
        if (modelVersion is not null)
        {
            _duration.Record(elapsed.TotalSeconds, SourceTag(source));
            _predictions.Add(1, KindTag, new KeyValuePair<string, object?>("model.version", modelVersion));
        }
    }

    /// <summary>Counts an enrolment image's outcome.</summary>
    public void Enrolment(EnrolmentStatus status) => _enrolments.Add(1, new KeyValuePair<string, object?>("result", Snake(status.ToString())));

    private static readonly KeyValuePair<string, object?> KindTag = new("model.kind", FrameIdentifier.Kind);

    private static KeyValuePair<string, object?> ResultTag(FrameStatus status) => new("result", Snake(status.ToString()));

    private static KeyValuePair<string, object?> SourceTag(FrameSource source) => new("source", source == FrameSource.Http ? "http" : "kafka");

    // "NoModel" -> "no_model", the tag values' spelling in docs/operations.md.
    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
