namespace StreamAnalytics.Synthetic;

/// <summary>A synthetic user: demographics and the latent taste vector its ratings are drawn from.</summary>
public sealed record SyntheticUser(string Id, int Age, string Location, double Bias, double[] Factors);
