using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Evaluation;

/// <summary>
/// A slice of examples as a rating model's three inputs (user rows, product rows, row-major features), for predictors
/// that run a model in bounded batches (the trained network, an exported ONNX model).
/// </summary>
/// <param name="Start">The index of the batch's first example.</param>
/// <param name="Users">User rows, one per example.</param>
/// <param name="Products">Product rows, one per example.</param>
/// <param name="Features">The examples' first F features each, row-major.</param>
public sealed record RatingInputBatch(int Start, long[] Users, long[] Products, float[] Features)
{
    /// <summary>
    /// <paramref name="examples"/> cut into batches of at most <paramref name="size"/>, ids mapped to rows by
    /// <paramref name="userRow"/> and <paramref name="productRow"/>, and the first <paramref name="featureCount"/>
    /// features of each example copied.
    /// </summary>
    public static IEnumerable<RatingInputBatch> Of(
        IReadOnlyList<RatingExample> examples, int size, int featureCount, Func<string, long> userRow, Func<string, long> productRow)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(userRow);
        ArgumentNullException.ThrowIfNull(productRow);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        for (var start = 0; start < examples.Count; start += size)
        {
            var count = Math.Min(size, examples.Count - start);
            var batch = new RatingInputBatch(start, new long[count], new long[count], new float[count * featureCount]);
            for (var i = 0; i < count; i++)
            {
                var example = examples[start + i];
                batch.Users[i] = userRow(example.UserId);
                batch.Products[i] = productRow(example.ProductId);
                example.Features.AsSpan(0, featureCount).CopyTo(batch.Features.AsSpan(i * featureCount, featureCount));
            }

            yield return batch;
        }
    }
}
