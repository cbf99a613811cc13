namespace StreamAnalytics.Synthetic;

/// <summary>A synthetic product: category, price, and the latent vector its ratings are drawn from.</summary>
public sealed record SyntheticProduct(string Id, string Category, decimal Price, double Bias, double[] Factors);
