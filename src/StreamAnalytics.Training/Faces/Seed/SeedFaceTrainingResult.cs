namespace StreamAnalytics.Training.Faces.Seed;

/// <summary>A trained seed network (owned by the caller: dispose it) and how training went.</summary>
public sealed class SeedFaceTrainingResult : IDisposable
{
    /// <summary>The trained network, in eval mode.</summary>
    public required SeedFaceNetwork Network { get; init; }

    /// <summary>The classifier's identities, in class order (those present in the training images).</summary>
    public required IReadOnlyList<string> Identities { get; init; }

    /// <summary>Every epoch, in order.</summary>
    public required IReadOnlyList<FaceEpoch> Epochs { get; init; }

    /// <summary>Wall-clock training time.</summary>
    public required double Seconds { get; init; }

    /// <inheritdoc />
    public void Dispose() => Network.Dispose();
}
