using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// How a silo identifies faces, bound from the <c>Faces</c> section.
/// <code>"Faces": { "TopK": 3, "Threshold": null, "MaxFacesPerIdentity": 20, "MaxIdentities": 10000, "GallerySyncInterval": "00:00:01",
///   "Batching": { "MaxBatchSize": 32, "MaxQueueDelay": "00:00:00.002", "QueueCapacity": 1024, "MaxConcurrentBatches": &lt;cores&gt; } }</code>
/// </summary>
public sealed class FaceServingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Faces";

    /// <summary>Candidates returned with each identification, best first. Defaults to 3.</summary>
    public int TopK { get; set; } = 3;

    /// <summary>
    /// The open-set threshold (cosine similarity) below which a face is unknown. Null (the default) uses the threshold
    /// the model was calibrated with (its <c>sa.threshold</c> metadata).
    /// </summary>
    public float? Threshold { get; set; }

    /// <summary>Faces one identity may be enrolled with. Defaults to 20.</summary>
    public int MaxFacesPerIdentity { get; set; } = 20;

    /// <summary>Identities the cluster may enrol; each frame is compared with all of them. Defaults to 10,000.</summary>
    public int MaxIdentities { get; set; } = 10_000;

    /// <summary>
    /// How often each silo asks the identity directory what changed, so an enrolment or deletion made through another
    /// silo reaches this silo's gallery within about this long (the silo that took the request applies it at once).
    /// Defaults to 1 second.
    /// </summary>
    public TimeSpan GallerySyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The silo's inference batcher, shared by every camera grain on it (defaults: 32 frames, 2 ms, 1,024 queued, as many
    /// batches at once as the machine has cores).
    /// </summary>
    /// <remarks>
    /// A face model session runs each call on one thread (<c>OnnxSessions</c>), so one batch at a time leaves every other
    /// core idle for inference: on 2 cores, two at once took the grain path from about 1,700 to 2,900 images/s
    /// (docs/benchmarks.md, Faces).
    /// </remarks>
    public InferenceBatcherOptions Batching { get; set; } = new() { MaxConcurrentBatches = Environment.ProcessorCount };

    /// <summary>The problems with these options; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (TopK is < 1 or > 100)
        {
            yield return "Faces:TopK must be within [1, 100].";
        }

        if (Threshold is { } threshold && !float.IsFinite(threshold))
        {
            yield return "Faces:Threshold must be a finite number.";
        }

        if (MaxFacesPerIdentity is < 1 or > 1000)
        {
            yield return "Faces:MaxFacesPerIdentity must be within [1, 1000].";
        }

        if (MaxIdentities is < 1 or > 1_000_000)
        {
            yield return "Faces:MaxIdentities must be within [1, 1000000].";
        }

        if (GallerySyncInterval < TimeSpan.FromMilliseconds(10) || GallerySyncInterval > TimeSpan.FromHours(1))
        {
            yield return "Faces:GallerySyncInterval must be within [10 ms, 1 h].";
        }

        string? batching = null;
        try
        {
            Batching.Validate();
        }
        catch (ArgumentException e)
        {
            batching = "Faces:Batching: " + e.Message;
        }

        if (batching is not null)
        {
            yield return batching;
        }
    }
}
