using System.Globalization;

namespace StreamAnalytics.IntegrationTests.Cli;

/// <summary>
/// A small ratings file (<c>user,product,rating,timestamp</c>, ISO times seven minutes apart) whose ratings are
/// 3.5 + user bias + product bias + noise on the 1-5 scale, written to a temporary path that is deleted on dispose.
/// </summary>
internal sealed class RatingCsv : IDisposable
{
    public RatingCsv(int ratings, int users = 200, int products = 50, int seed = 1)
    {
        var random = new Random(seed);
        var userBias = Enumerable.Range(0, users).Select(_ => (random.NextDouble() - 0.5) * 2).ToArray();
        var productBias = Enumerable.Range(0, products).Select(_ => (random.NextDouble() - 0.5) * 2).ToArray();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var lines = new List<string> { "user,product,rating,timestamp" };
        for (var i = 0; i < ratings; i++)
        {
            var u = random.Next(users);
            var p = random.Next(products);
            var rating = Math.Clamp(Math.Round(3.5 + userBias[u] + productBias[p] + ((random.NextDouble() - 0.5) * 0.8), 1), 1, 5);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"u{u},p{p},{rating},{start.AddMinutes(7 * i):yyyy-MM-ddTHH:mm:ssZ}"));
        }

        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sa-ratings-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(Path, lines);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
