namespace StreamAnalytics.ModelExport.Faces;

/// <summary>The checks <see cref="FaceModelWeights.Validate"/> is made of, each throwing an <see cref="ArgumentException"/> naming the field.</summary>
internal static class FaceWeightRules
{
    /// <summary>The height and width after <paramref name="block"/>: the padded convolution keeps ceil(size / stride),
    /// the pool halves it rounding down.</summary>
    public static (int Height, int Width) OutputSize(FaceConvBlock block, int height, int width)
    {
        // With an odd K and padding K/2 the convolution's floor((size + 2(K/2) - K) / S) + 1 is (size - 1) / S + 1.
        height = ((height - 1) / block.Stride) + 1;
        width = ((width - 1) / block.Stride) + 1;
        return block.MaxPool ? (height / 2, width / 2) : (height, width);
    }

    public static void ValidateBlock(FaceConvBlock block, int index, int expectedInChannels, string field)
    {
        var name = $"{field}[{index}]";
        Require(block is not null, field, "is null", name);
        Require(block!.InChannels == expectedInChannels, field,
            $"is {block.InChannels}, expected {expectedInChannels} ({(index == 0 ? "grey images" : "the previous block's OutChannels")})",
            $"{name}.InChannels");
        Require(block.OutChannels >= 1, field, $"must be at least 1, was {block.OutChannels}", $"{name}.OutChannels");
        Require(block.KernelSize >= 1 && block.KernelSize % 2 == 1, field, $"must be odd and positive, was {block.KernelSize}", $"{name}.KernelSize");
        Require(block.Stride is 1 or 2, field, $"must be 1 or 2, was {block.Stride}", $"{name}.Stride");
        long kernel = (long)block.KernelSize * block.KernelSize;
        RequireValues(block.Weight, block.OutChannels * (long)block.InChannels * kernel, field, "Out*In*K*K", $"{name}.Weight");
        RequireValues(block.Bias, block.OutChannels, field, "Out", $"{name}.Bias");
    }

    public static void RequireNames(IReadOnlyList<string> names, string field)
    {
        Require(names is not null, field, "is null");
        Require(names!.Count >= 1, field, "is empty: the classifier needs at least one class");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            // Serving reports identities by name: an empty or repeated one would make two classes indistinguishable.
            Require(!string.IsNullOrEmpty(names[i]), field, $"has an empty name at index {i}");
            Require(seen.Add(names[i]), field, $"repeats the name '{names[i]}' at index {i}");
        }
    }

    /// <summary>Requires <paramref name="expected"/> values, all finite.</summary>
    public static void RequireValues(float[] values, long expected, string field, string formula, string? subject = null)
    {
        Require(values is not null, field, "is null", subject);
        Require(values!.Length == expected, field, $"has {values.Length} values, expected {formula} = {expected}", subject);
        for (var i = 0; i < values.Length; i++)
        {
            // A NaN or infinity would only surface as NaN embeddings in serving, far from the trainer that made it.
            Require(float.IsFinite(values[i]), field, $"has a non-finite value ({values[i]}) at index {i}", subject);
        }
    }

    public static void RequireFinite(float value, string field) =>
        Require(float.IsFinite(value), field, $"must be finite, was {value}");

    /// <summary>Throws "<paramref name="subject"/> <paramref name="problem"/>." for parameter <paramref name="field"/>
    /// unless <paramref name="condition"/> holds; the subject defaults to the field.</summary>
    public static void Require(bool condition, string field, string problem, string? subject = null)
    {
        if (!condition)
        {
            throw new ArgumentException($"{subject ?? field} {problem}.", field);
        }
    }
}
