namespace StreamAnalytics.Synthetic;

/// <summary>
/// The users and products of a synthetic feed, drawn once from a seed. Ratings follow
/// <c>clamp(3 + userBias + productBias + userFactors · productFactors + noise, 1, 5)</c> with Gaussian noise of a known
/// standard deviation, so the best achievable error of any model is known (see <see cref="RatingModel"/>).
/// </summary>
public sealed class SyntheticCatalogue
{
    private static readonly string[] Locations =
    [
        "Alabama", "Alaska", "Arizona", "California", "Colorado", "Florida", "Georgia", "Illinois", "Maine", "Nevada",
        "New York", "Ohio", "Oregon", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming",
    ];

    private static readonly string[] Categories =
        ["Accessories", "Clothing", "Footwear", "Outerwear", "Electronics", "Home", "Toys", "Books"];

    public SyntheticCatalogue(SyntheticFeedOptions options)
    {
        var random = new Random(options.Seed);
        var scale = options.FactorScale / Math.Sqrt(options.Factors);
        Users = [.. Enumerable.Range(0, options.Users).Select(i => new SyntheticUser(
            $"{options.IdPrefix}u{i}",
            random.Next(18, 71),
            Locations[random.Next(Locations.Length)],
            Gaussian.Next(random) * options.BiasScale,
            [.. Enumerable.Range(0, options.Factors).Select(_ => Gaussian.Next(random) * scale)]))];
        Products = [.. Enumerable.Range(0, options.Products).Select(i => new SyntheticProduct(
            $"{options.IdPrefix}p{i}",
            Categories[random.Next(Categories.Length)],
            Math.Round((decimal)Math.Exp(2.5 + (random.NextDouble() * 3)), 2),
            Gaussian.Next(random) * options.BiasScale,
            [.. Enumerable.Range(0, options.Factors).Select(_ => Gaussian.Next(random) * scale)]))];
        RatingModel = new RatingModel(options.NoiseStandardDeviation);
    }

    public IReadOnlyList<SyntheticUser> Users { get; }

    public IReadOnlyList<SyntheticProduct> Products { get; }

    public RatingModel RatingModel { get; }
}
