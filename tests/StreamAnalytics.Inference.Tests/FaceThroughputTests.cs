using System.Diagnostics;
using StreamAnalytics.Inference.Faces;
using Xunit.Abstractions;

namespace StreamAnalytics.Inference.Tests;

/// <summary>
/// A rough throughput measurement, printed and never asserted (the machine is shared with other builds). Run with
/// <c>dotnet test --filter FaceThroughputTests --logger "console;verbosity=detailed"</c> to see it.
/// </summary>
public sealed class FaceThroughputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("small")]
    [InlineData("served")]
    public void Prints_images_per_second_at_batch_1_and_32(string size)
    {
        // small: the 3-block test model (~1M multiply-adds per image); served: 4 blocks, E=128, 40 identities
        // (~100k parameters, ~9M multiply-adds per image), about what a trainer would ship.
        var weights = size == "small"
            ? FaceWeightsFactory.Random(81)
            : FaceWeightsFactory.Random(82, FaceWeightsFactory.Served, embedding: 128, identities: 40);
        using var model = FaceExportTests.Load(weights);

        foreach (var batch in new[] { 1, 32 })
        {
            var images = FaceWeightsFactory.Images(batch, seed: batch);
            var embeddings = new float[batch * model.EmbeddingSize];

            Run(model, images, batch, embeddings, TimeSpan.FromMilliseconds(300));
            var (calls, elapsed) = Run(model, images, batch, embeddings, TimeSpan.FromSeconds(1.5));

            var perSecond = calls * batch / elapsed.TotalSeconds;
            var milliseconds = elapsed.TotalMilliseconds / calls;
            output.WriteLine($"{size} model, batch {batch,2}: {perSecond,8:N0} images/s ({milliseconds:N2} ms per Run, one thread)");
        }
    }

    private static (long Calls, TimeSpan Elapsed) Run(FaceModel model, float[] images, int batch, float[] embeddings, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed < duration)
        {
            model.Embed(images, batch, embeddings);
            calls++;
        }

        return (calls, watch.Elapsed);
    }
}
