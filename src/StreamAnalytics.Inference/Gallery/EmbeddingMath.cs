using System.Numerics;
using System.Runtime.InteropServices;

namespace StreamAnalytics.Inference.Gallery;

/// <summary>The vector arithmetic of gallery search: dot products (SIMD) and L2 norms.</summary>
internal static class EmbeddingMath
{
    public static float Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(right));
        }

        var i = 0;
        var total = 0f;
        var width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && left.Length >= width)
        {
            // Unchecked loads (lengths checked above), and four independent sums: one would wait on the previous
            // add's latency every step.
            ref var l = ref MemoryMarshal.GetReference(left);
            ref var r = ref MemoryMarshal.GetReference(right);
            Vector<float> sum0 = Vector<float>.Zero, sum1 = Vector<float>.Zero, sum2 = Vector<float>.Zero, sum3 = Vector<float>.Zero;
            for (; i <= left.Length - (4 * width); i += 4 * width)
            {
                sum0 += Vector.LoadUnsafe(ref l, (nuint)i) * Vector.LoadUnsafe(ref r, (nuint)i);
                sum1 += Vector.LoadUnsafe(ref l, (nuint)(i + width)) * Vector.LoadUnsafe(ref r, (nuint)(i + width));
                sum2 += Vector.LoadUnsafe(ref l, (nuint)(i + (2 * width))) * Vector.LoadUnsafe(ref r, (nuint)(i + (2 * width)));
                sum3 += Vector.LoadUnsafe(ref l, (nuint)(i + (3 * width))) * Vector.LoadUnsafe(ref r, (nuint)(i + (3 * width)));
            }

            for (; i <= left.Length - width; i += width)
            {
                sum0 += Vector.LoadUnsafe(ref l, (nuint)i) * Vector.LoadUnsafe(ref r, (nuint)i);
            }

            total = Vector.Sum(sum0 + sum1 + (sum2 + sum3));
        }

        for (; i < left.Length; i++)
        {
            total += left[i] * right[i];
        }

        return total;
    }

    /// <summary>The L2 norm, or 0 when <paramref name="values"/> holds a NaN or an infinity (never a valid face).</summary>
    public static float Norm(ReadOnlySpan<float> values)
    {
        var norm = MathF.Sqrt(Dot(values, values));
        return float.IsFinite(norm) ? norm : 0f;
    }
}
