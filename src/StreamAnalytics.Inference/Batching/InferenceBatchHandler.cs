namespace StreamAnalytics.Inference.Batching;

/// <summary>
/// Runs one batch: writes the output of <c>inputs[i]</c> into <c>outputs[i]</c> for every i. Both have the batch's
/// length. The buffers belong to the batcher and are reused for the next batch once the returned task completes, so
/// the handler must not keep them. A throw (or faulted task) faults every item of the batch with that exception.
/// </summary>
/// <typeparam name="TInput">One queued item.</typeparam>
/// <typeparam name="TOutput">One item's result.</typeparam>
public delegate ValueTask InferenceBatchHandler<TInput, TOutput>(ReadOnlyMemory<TInput> inputs, Memory<TOutput> outputs);
