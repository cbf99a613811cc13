using System.Diagnostics;
using StreamAnalytics.Inference.Gallery;
using Xunit.Abstractions;

namespace StreamAnalytics.Inference.Tests.Gallery;

/// <summary>
/// Search time against gallery size, printed and never asserted (the machine is shared). Run with <c>dotnet test -c
/// Release tests/StreamAnalytics.Inference.Tests --filter GallerySearchThroughputTests --logger
/// "console;verbosity=detailed"</c>; the numbers are in docs/benchmarks.md.
/// </summary>
public sealed class GallerySearchThroughputTests(ITestOutputHelper output)
{
    private const int EmbeddingSize = 128;
    private const int FacesPerIdentity = 5;

    [Fact]
    public void Prints_search_time_for_1k_and_10k_identities()
    {
        var random = new Random(11);
        foreach (var identities in new[] { 1_000, 10_000 })
        {
            var gallery = new FaceGallery(EmbeddingSize, new FaceGalleryOptions { MaxIdentities = identities });
            for (var i = 0; i < identities; i++)
            {
                gallery.Add($"id-{i}", [.. Enumerable.Range(0, FacesPerIdentity).Select(_ => Vector(random))]);
            }

            var probe = Vector(random);

            // Warm up first: the first calls run unoptimised code until tiered compilation catches up.
            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed < TimeSpan.FromMilliseconds(300))
            {
                gallery.Identify(probe, k: 5);
            }

            var watch = Stopwatch.StartNew();
            var searches = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(1))
            {
                gallery.Identify(probe, k: 5);
                searches++;
            }

            var perSearch = watch.Elapsed.TotalMicroseconds / searches;
            output.WriteLine(
                $"{identities,6:N0} identities × {FacesPerIdentity} faces × {EmbeddingSize}: {perSearch,8:N0} µs per search, {searches / watch.Elapsed.TotalSeconds,8:N0} searches/s on one thread");
        }
    }

    private static float[] Vector(Random random) => [.. Enumerable.Range(0, EmbeddingSize).Select(_ => (float)((random.NextDouble() * 2) - 1))];
}
