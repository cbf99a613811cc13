using System.Globalization;

namespace StreamAnalytics.Cli.Bench;

/// <summary>The plain-text report of <c>sa bench faces</c>: a line per path, then the ratio against the floors.</summary>
internal static class FacesResultText
{
    public static void Write(FacesResult r, TextWriter output)
    {
        output.WriteLine($"model {r.Model} ({r.ModelVersion}); {r.Frames:N0} images per path; {r.Cameras} cameras; batches up to {r.MaxBatch}, {r.ConcurrentBatches} at once; gallery {r.GalleryIdentities} identities x {r.GalleryFaces / r.GalleryIdentities} faces; {r.Cores} cores");
        output.WriteLine("latency: a grain call per frame; for raw ONNX Runtime, the run of the image's batch");
        output.WriteLine(FacesBenchmark.Describe("onnx batched    ", r.OnnxBatched));
        output.WriteLine(FacesBenchmark.Describe("onnx unbatched  ", r.OnnxUnbatched));
        output.WriteLine(FacesBenchmark.Describe("grains batched  ", r.GrainsBatched));
        output.WriteLine(FacesBenchmark.Describe("grains unbatched", r.GrainsUnbatched));
        output.WriteLine(r.SeedSizeBatchOne is { } seed ? FacesBenchmark.Describe("seed-size net, batch 1", seed) : "seed-size net: skipped (--seed-seconds 0)");
        output.WriteLine(FacesBenchmark.Describe("decode + fit, one thread", r.DecodeFit));
        var f = r.Floors;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio grains/onnx batched {r.Ratio:F3} (floor {f.MinRatio}: {Verdict(f.RatioMet)}); grains {r.GrainsBatched.ImagesPerSecond:N0} images/s (floor {f.MinImagesPerSecond:N0}: {Verdict(f.ImagesPerSecondMet)}); batching gain {r.BatchingGain:F1}x"));
    }

    private static string Verdict(bool met) => met ? "pass" : "FAIL";
}
