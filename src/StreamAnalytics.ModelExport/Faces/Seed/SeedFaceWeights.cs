namespace StreamAnalytics.ModelExport.Faces.Seed;

/// <summary>
/// The weights of a seed face network (<see cref="SeedFaceLayout"/>) in plain arrays, torch layouts: convolution
/// weights [Cout, Cin, 3, 3], dense weights [out, in]. Arrays are compared by reference.
/// </summary>
public sealed record SeedFaceWeights
{
    /// <summary>The shape the arrays follow.</summary>
    public required SeedFaceLayout Layout { get; init; }

    /// <summary>Each convolution's weights, Cout·Cin·9 values.</summary>
    public required IReadOnlyList<float[]> ConvWeights { get; init; }

    /// <summary>Each convolution's bias, Cout values.</summary>
    public required IReadOnlyList<float[]> ConvBiases { get; init; }

    /// <summary>The large dense layer's weights, H·F values, row-major [H, F].</summary>
    public required float[] HiddenWeight { get; init; }

    /// <summary>The large dense layer's bias, H values.</summary>
    public required float[] HiddenBias { get; init; }

    /// <summary>The output layer's weights, K·H values, row-major [K, H].</summary>
    public required float[] OutputWeight { get; init; }

    /// <summary>The output layer's bias, K values.</summary>
    public required float[] OutputBias { get; init; }

    /// <summary>The number of weights (every array's length); equals the layout's <see cref="SeedFaceLayout.ParameterCount"/>.</summary>
    public long ParameterCount =>
        ConvWeights.Sum(w => (long)w.Length) + ConvBiases.Sum(b => (long)b.Length)
        + HiddenWeight.Length + HiddenBias.Length + OutputWeight.Length + OutputBias.Length;

    /// <summary>
    /// Weights drawn from a seeded generator, Glorot-uniform (the Keras default the seed used) with zero biases: for
    /// measuring speed, where the values do not matter, without libtorch.
    /// </summary>
    public static SeedFaceWeights Random(SeedFaceLayout layout, int seed)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var random = new Random(seed);
        var convWeights = new List<float[]>();
        var convBiases = new List<float[]>();
        var inChannels = 1;
        const int area = SeedFaceLayout.KernelSize * SeedFaceLayout.KernelSize;
        foreach (var channels in layout.ConvChannels)
        {
            convWeights.Add(Glorot(random, channels * inChannels * area, inChannels * area, channels * area));
            convBiases.Add(new float[channels]);
            inChannels = channels;
        }

        return new SeedFaceWeights
        {
            Layout = layout,
            ConvWeights = convWeights,
            ConvBiases = convBiases,
            HiddenWeight = Glorot(random, layout.Hidden * layout.FlattenSize, layout.FlattenSize, layout.Hidden),
            HiddenBias = new float[layout.Hidden],
            OutputWeight = Glorot(random, layout.Classes * layout.Hidden, layout.Hidden, layout.Classes),
            OutputBias = new float[layout.Classes],
        };
    }

    /// <summary>Checks that every array has the length the layout gives it.</summary>
    /// <exception cref="ArgumentException">The first array of the wrong length (or count).</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Layout);
        var blocks = Layout.ConvChannels.Count;
        Require(ConvWeights.Count == blocks && ConvBiases.Count == blocks, nameof(ConvWeights), $"need one entry per block ({blocks})");
        var inChannels = 1;
        for (var i = 0; i < blocks; i++)
        {
            var channels = Layout.ConvChannels[i];
            Require(ConvWeights[i].Length == channels * inChannels * SeedFaceLayout.KernelSize * SeedFaceLayout.KernelSize, nameof(ConvWeights), $"block {i} needs {channels}×{inChannels}×3×3 values");
            Require(ConvBiases[i].Length == channels, nameof(ConvBiases), $"block {i} needs {channels} values");
            inChannels = channels;
        }

        Require(HiddenWeight.Length == (long)Layout.Hidden * Layout.FlattenSize, nameof(HiddenWeight), $"needs {Layout.Hidden}×{Layout.FlattenSize} values");
        Require(HiddenBias.Length == Layout.Hidden, nameof(HiddenBias), $"needs {Layout.Hidden} values");
        Require(OutputWeight.Length == (long)Layout.Classes * Layout.Hidden, nameof(OutputWeight), $"needs {Layout.Classes}×{Layout.Hidden} values");
        Require(OutputBias.Length == Layout.Classes, nameof(OutputBias), $"needs {Layout.Classes} values");
    }

    private static float[] Glorot(Random random, int count, int fanIn, int fanOut)
    {
        var bound = Math.Sqrt(6.0 / (fanIn + fanOut));
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(((2 * random.NextDouble()) - 1) * bound);
        }

        return values;
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {rule}.", name);
        }
    }
}
