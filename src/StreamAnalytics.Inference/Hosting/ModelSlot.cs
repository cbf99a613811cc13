namespace StreamAnalytics.Inference.Hosting;

/// <summary>
/// One model as installed in a host, with a reference count: one reference for being the host's active model plus one
/// per open lease. The model is disposed when the count reaches zero, so a swapped-out model lives exactly as long as
/// its last in-flight call.
/// </summary>
internal sealed class ModelSlot<TModel>(TModel model)
    where TModel : class, IServedModel
{
    private int _references = 1;

    public TModel Model { get; } = model;

    /// <summary>Takes a reference unless the count already reached zero (the model is disposed or being disposed).</summary>
    public bool TryAddReference()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Model.Dispose();
        }
    }
}
