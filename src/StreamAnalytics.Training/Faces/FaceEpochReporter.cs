namespace StreamAnalytics.Training.Faces;

/// <summary>
/// Writes each epoch of one training as a progress line, at once and on the training thread (unlike
/// <see cref="Progress{T}"/>, which posts to the thread pool and can reorder or outlive the lines around it).
/// </summary>
internal sealed class FaceEpochReporter(string stage, int epochs, Action<string> write) : IProgress<FaceEpoch>
{
    public void Report(FaceEpoch value) =>
        write(FormattableString.Invariant($"  {stage} epoch {value.Epoch}/{epochs}: loss {value.Loss:F4}, training accuracy {value.TrainAccuracy:P1}"));
}
