using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Inference.Tests;

/// <summary>A served model that only records whether it was disposed.</summary>
internal sealed class FakeModel(string version) : IServedModel
{
    private int _disposals;

    public string Version { get; } = version;

    public bool IsDisposed => Volatile.Read(ref _disposals) > 0;

    public int Disposals => Volatile.Read(ref _disposals);

    public void Dispose() => Interlocked.Increment(ref _disposals);
}
