namespace StreamAnalytics.Synthetic;

/// <summary>The shape of a synthetic interaction feed.</summary>
/// <param name="Users">Distinct users; defaults to 2,000.</param>
/// <param name="Products">Distinct products; defaults to 500.</param>
/// <param name="Seed">Everything drawn follows from it; defaults to 42.</param>
/// <param name="MalformedFraction">Share of records replaced by an invalid one (for testing the dead-letter path); defaults to 0.</param>
/// <param name="Factors">Latent dimensions of the rating model; defaults to 4.</param>
/// <param name="NoiseStandardDeviation">Standard deviation of the rating noise; defaults to 0.5.</param>
/// <param name="BiasScale">Standard deviation of user and product biases; defaults to 0.5.</param>
/// <param name="FactorScale">Scale of the factor interaction; defaults to 1.</param>
/// <param name="ZipfExponent">Skew of product popularity; defaults to 1.1.</param>
/// <param name="IdPrefix">Put before every user, product and event id, to keep feeds apart; defaults to none.</param>
public sealed record SyntheticFeedOptions(
    int Users = 2_000,
    int Products = 500,
    int Seed = 42,
    double MalformedFraction = 0,
    int Factors = 4,
    double NoiseStandardDeviation = 0.5,
    double BiasScale = 0.5,
    double FactorScale = 1.0,
    double ZipfExponent = 1.1,
    string IdPrefix = "");
