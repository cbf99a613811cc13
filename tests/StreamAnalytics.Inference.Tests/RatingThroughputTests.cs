using System.Diagnostics;
using StreamAnalytics.Inference.Rating;
using Xunit.Abstractions;

namespace StreamAnalytics.Inference.Tests;

/// <summary>
/// A rough throughput measurement, printed and never asserted (the machine is shared with other builds). Run with
/// <c>dotnet test --filter RatingThroughputTests --logger "console;verbosity=detailed"</c> to see it.
/// </summary>
public sealed class RatingThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Prints_predictions_per_second_at_batch_1_and_64()
    {
        // Sized like a small production model: 10k users, 5k products, K=16, H=32, F=12.
        var weights = RatingWeightsFactory.Random(31, users: 10_000, products: 5_000, factors: 16, hidden: 32, features: 12);
        using var model = RatingExportTests.Load(weights);

        foreach (var batch in new[] { 1, 64 })
        {
            var random = new Random(batch);
            var users = Enumerable.Range(0, batch).Select(_ => (long)random.Next(weights.UserIds.Count + 1)).ToArray();
            var products = Enumerable.Range(0, batch).Select(_ => (long)random.Next(weights.ProductIds.Count + 1)).ToArray();
            var features = Enumerable.Range(0, batch * weights.FeatureCount).Select(_ => (float)random.NextDouble()).ToArray();
            var ratings = new float[batch];

            Run(model, users, products, features, ratings, TimeSpan.FromMilliseconds(200));
            var (calls, elapsed) = Run(model, users, products, features, ratings, TimeSpan.FromSeconds(1));

            var perSecond = calls * batch / elapsed.TotalSeconds;
            var microseconds = elapsed.TotalMicroseconds / calls;
            output.WriteLine($"batch {batch,2}: {perSecond,12:N0} predictions/s ({microseconds:N1} µs per Run, one thread)");
        }
    }

    private static (long Calls, TimeSpan Elapsed) Run(
        RatingModel model, long[] users, long[] products, float[] features, float[] ratings, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed < duration)
        {
            model.Predict(users, products, features, ratings);
            calls++;
        }

        return (calls, watch.Elapsed);
    }
}
