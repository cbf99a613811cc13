namespace StreamAnalytics.Inference.Hosting;

/// <summary>
/// The right to use one model for the length of a call: the model stays undisposed until every lease on it is
/// disposed, even when a swap replaced it meanwhile. Take it with <c>using var lease = host.Acquire();</c>.
/// Disposing twice is harmless.
/// </summary>
public sealed class ModelLease<TModel> : IDisposable
    where TModel : class, IServedModel
{
    private ModelSlot<TModel>? _slot;

    internal ModelLease(ModelSlot<TModel> slot) => _slot = slot;

    /// <summary>The leased model.</summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public TModel Model => Volatile.Read(ref _slot)?.Model ?? throw new ObjectDisposedException(nameof(ModelLease<TModel>));

    /// <summary>The leased model's version.</summary>
    public string Version => Model.Version;

    /// <summary>Ends the lease; the last lease on a replaced model disposes it.</summary>
    public void Dispose() => Interlocked.Exchange(ref _slot, null)?.Release();
}
