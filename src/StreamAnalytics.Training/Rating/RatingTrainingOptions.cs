namespace StreamAnalytics.Training.Rating;

/// <summary>
/// How the rating model is trained. The defaults train 100,000 ratings in a few seconds on two CPU cores.
/// </summary>
public sealed class RatingTrainingOptions
{
    /// <summary>
    /// Latent factors per user and product (K). Defaults to 4. The L2 prior shrinks every factor, the real ones too,
    /// so spare factors are not free: on the <c>sa produce</c> feed (100,000 ratings, 2,000 users, 500 products, noise
    /// σ 0.5, time-ordered split) K = 4 reaches 0.914 of the best achievable test R², K = 6 0.898, K = 8 0.886 and
    /// K = 16 0.873, and raising the prior with K = 16 only lowers it further (λ 10: 0.846).
    /// </summary>
    public int Factors { get; set; } = 4;

    /// <summary>Hidden units of the MLP (H). Defaults to 32.</summary>
    public int Hidden { get; set; } = 32;

    /// <summary>Most passes over the training data; early stopping usually ends sooner. Defaults to 40.</summary>
    public int MaxEpochs { get; set; } = 40;

    /// <summary>Examples per optimiser step. Defaults to 512.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>Adam's initial learning rate. Defaults to 0.01.</summary>
    public double LearningRate { get; set; } = 0.01;

    /// <summary>
    /// L2 penalty λ on each user's and product's factors, applied once per row over the whole training set (a
    /// Gaussian prior), so a row seen n times is shrunk toward 0 by about λ / (n + λ): rare ids fall back to the
    /// population. Defaults to 2 (with 4 factors on the <c>sa produce</c> feed, λ 0.5 to 2 are within 0.005 of each
    /// other in test R²; 10 underfits, and on 20,000 ratings 2 beats 1).
    /// </summary>
    public double FactorL2 { get; set; } = 2.0;

    /// <summary>L2 penalty on each user's and product's bias, applied like <see cref="FactorL2"/>. Defaults to 1.0.</summary>
    public double BiasL2 { get; set; } = 1.0;

    /// <summary>L2 penalty on the hidden and output layer weights, added to every step's loss. Defaults to 0.003.</summary>
    public double HiddenL2 { get; set; } = 3e-3;

    /// <summary>
    /// Probability that a training example's user row (and, independently, its product row) is replaced by the
    /// unknown row 0 for one step, so row 0 learns the population behaviour that unseen ids get. Defaults to 0.05.
    /// </summary>
    public double IdDropout { get; set; } = 0.05;

    /// <summary>
    /// Factor the learning rate is multiplied by after an epoch that did not improve validation, to settle into the
    /// minimum found so far. Defaults to 0.5.
    /// </summary>
    public double PlateauDecay { get; set; } = 0.5;

    /// <summary>Epochs without a validation improvement before training stops. Defaults to 3.</summary>
    public int Patience { get; set; } = 3;

    /// <summary>Smallest drop in validation MSE that counts as an improvement. Defaults to 0.0001.</summary>
    public double MinImprovement { get; set; } = 1e-4;

    /// <summary>Seed of the initial weights, the shuffling and the id dropout. Defaults to 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Threads libtorch may use while training (process-wide, restored afterwards). Defaults to 1, which keeps
    /// training bit-for-bit deterministic for a seed; more threads may reorder floating-point sums.
    /// </summary>
    public int Threads { get; set; } = 1;

    /// <summary>Lowest rating predicted. Defaults to 1.</summary>
    public float RatingMin { get; set; } = 1f;

    /// <summary>Highest rating predicted. Defaults to 5.</summary>
    public float RatingMax { get; set; } = 5f;

    /// <summary>Checks every option's range.</summary>
    /// <exception cref="ArgumentException">Naming the first invalid option.</exception>
    public void Validate()
    {
        Require(Factors > 0, nameof(Factors), "must be positive");
        Require(Hidden > 0, nameof(Hidden), "must be positive");
        Require(MaxEpochs > 0, nameof(MaxEpochs), "must be positive");
        Require(BatchSize > 0, nameof(BatchSize), "must be positive");
        Require(LearningRate > 0, nameof(LearningRate), "must be positive");
        Require(FactorL2 >= 0, nameof(FactorL2), "must not be negative");
        Require(BiasL2 >= 0, nameof(BiasL2), "must not be negative");
        Require(HiddenL2 >= 0, nameof(HiddenL2), "must not be negative");
        Require(IdDropout is >= 0 and < 1, nameof(IdDropout), "must be in [0, 1)");
        Require(Patience > 0, nameof(Patience), "must be positive");
        Require(PlateauDecay is > 0 and <= 1, nameof(PlateauDecay), "must be in (0, 1]");
        Require(MinImprovement >= 0, nameof(MinImprovement), "must not be negative");
        Require(Threads > 0, nameof(Threads), "must be positive");
        Require(RatingMin <= RatingMax, nameof(RatingMin), "must not exceed RatingMax");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {rule}.", name);
        }
    }
}
