namespace StreamAnalytics.Inference.Tests.Gallery;

/// <summary>Embeddings with known cosine similarities, in 8 dimensions.</summary>
internal static class Embeddings
{
    public const int Size = 8;

    /// <summary>The unit vector along <paramref name="axis"/>.</summary>
    public static float[] Axis(int axis)
    {
        var vector = new float[Size];
        vector[axis] = 1;
        return vector;
    }

    /// <summary>A unit vector whose cosine similarity with <c>Axis(from)</c> is <paramref name="cosine"/>, leaning
    /// towards <c>Axis(towards)</c>.</summary>
    public static float[] At(int from, int towards, double cosine)
    {
        var vector = new float[Size];
        vector[from] = (float)cosine;
        vector[towards] = (float)Math.Sqrt(1 - (cosine * cosine));
        return vector;
    }

    public static float[] Random(Random random)
    {
        var vector = new float[Size];
        for (var i = 0; i < Size; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return vector;
    }
}
