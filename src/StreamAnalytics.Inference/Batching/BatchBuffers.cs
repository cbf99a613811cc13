namespace StreamAnalytics.Inference.Batching;

/// <summary>The arrays one running batch uses, reused from batch to batch (one set per concurrent batch).</summary>
internal sealed class BatchBuffers<TInput, TOutput>(int maxBatchSize)
{
    public BatchItem<TInput, TOutput>[] Items { get; } = new BatchItem<TInput, TOutput>[maxBatchSize];

    public TInput[] Inputs { get; } = new TInput[maxBatchSize];

    public TOutput[] Outputs { get; } = new TOutput[maxBatchSize];

    /// <summary>How many of the arrays' first entries the current batch uses.</summary>
    public int Count { get; set; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the batch being formed.</summary>
    public long FormedAt { get; set; }

    /// <summary>Drops the batch's references, so a finished batch keeps no inputs, outputs or callers alive.</summary>
    public void Clear()
    {
        Array.Clear(Items, 0, Count);
        Array.Clear(Inputs, 0, Count);
        Array.Clear(Outputs, 0, Count);
        Count = 0;
    }
}
