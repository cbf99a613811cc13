namespace StreamAnalytics.Imaging;

/// <summary>
/// One axis of a box-filter resample: for each output pixel, the source pixels it covers and how much of each
/// (weights sum to 1).
/// </summary>
internal sealed class BoxWeights
{
    private readonly int[] _first;
    private readonly float[][] _weights;

    private BoxWeights(int[] first, float[][] weights)
    {
        _first = first;
        _weights = weights;
    }

    /// <summary>Weights mapping source pixels [offset, offset + length) onto <paramref name="outputs"/> pixels.</summary>
    public static BoxWeights For(int offset, int length, int outputs)
    {
        var first = new int[outputs];
        var weights = new float[outputs][];
        var scale = (double)length / outputs;
        for (var o = 0; o < outputs; o++)
        {
            var start = o * scale;
            var end = (o + 1) * scale;
            var from = (int)Math.Floor(start);
            var to = Math.Min(length, (int)Math.Ceiling(end));
            var row = new float[to - from];
            for (var i = from; i < to; i++)
            {
                var overlap = Math.Min(end, i + 1) - Math.Max(start, i);
                row[i - from] = (float)(overlap / scale);
            }

            first[o] = offset + from;
            weights[o] = row;
        }

        return new BoxWeights(first, weights);
    }

    /// <summary>The weighted sum for output pixel <paramref name="output"/> over a row of bytes indexed by source position.</summary>
    public float Apply(int output, ReadOnlySpan<byte> row)
    {
        var weights = _weights[output];
        var source = row.Slice(_first[output], weights.Length);
        var sum = 0f;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * source[i];
        }

        return sum;
    }

    /// <summary>The weighted sum for output pixel <paramref name="output"/> over a column: source position p is at
    /// <paramref name="column"/>[(p - <paramref name="origin"/>) × <paramref name="stride"/>].</summary>
    public float Apply(int output, ReadOnlySpan<float> column, int stride, int origin)
    {
        var weights = _weights[output];
        var at = (_first[output] - origin) * stride;
        var sum = 0f;
        for (var i = 0; i < weights.Length; i++, at += stride)
        {
            sum += weights[i] * column[at];
        }

        return sum;
    }
}
