using static TorchSharp.torch;

namespace StreamAnalytics.Training.Torch;

/// <summary>
/// Runs a training with the process-wide libtorch state to itself. The global seed and the thread count belong to the
/// whole process, so every trainer (rating and face alike) takes this one lock: two trainings of different kinds at
/// once would otherwise reseed and re-thread each other and lose their determinism. The lock is re-entrant, so a
/// pipeline that runs several trainings back to back can hold it around all of them.
/// </summary>
internal static class ExclusiveTorch
{
    private static readonly Lock TorchStateLock = new();

    /// <summary>Runs <paramref name="train"/> alone, on <paramref name="threads"/> libtorch threads (restored afterwards).</summary>
    public static T Run<T>(int threads, Func<T> train)
    {
        lock (TorchStateLock)
        {
            var previous = get_num_threads();
            try
            {
                set_num_threads(threads);
                return train();
            }
            finally
            {
                set_num_threads(previous);
            }
        }
    }
}
