namespace StreamAnalytics.Inference.Rating;

/// <summary>
/// The check a rating model passes before it goes live (a <see cref="Hosting.ModelHost{TModel}"/> probe): one batch
/// over the unknown rows, the first and last known rows and a spread of feature values must give one finite rating
/// per row, inside the model's rating range.
/// </summary>
public static class RatingModelProbe
{
    /// <summary>The probe batch size. 64.</summary>
    public const int BatchSize = 64;

    /// <summary>Runs the probe batch; throws <see cref="InvalidOperationException"/> naming the first bad output.</summary>
    public static ValueTask CheckAsync(RatingModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        cancellationToken.ThrowIfCancellationRequested();
        var users = new long[BatchSize];
        var products = new long[BatchSize];
        var features = new float[BatchSize * model.FeatureCount];
        for (var i = 0; i < BatchSize; i++)
        {
            // Users count up from the unknown row and products down from the last, wrapping, so both ends of each
            // table and the unknown rows are covered.
            users[i] = i % (model.UserCount + 1);
            products[i] = model.ProductCount - (i % (model.ProductCount + 1));
        }

        for (var j = 0; j < features.Length; j++)
        {
            // Zeros, ones and larger magnitudes, as raw features arrive unscaled.
            features[j] = (j % 4) switch { 0 => 0f, 1 => 1f, 2 => -1f, _ => 1000f };
        }

        var ratings = model.Predict(users, products, features, BatchSize);
        if (ratings.Length != BatchSize)
        {
            throw new InvalidOperationException($"The probe got {ratings.Length} ratings for {BatchSize} rows.");
        }

        for (var i = 0; i < ratings.Length; i++)
        {
            if (!float.IsFinite(ratings[i]) || ratings[i] < model.RatingMin || ratings[i] > model.RatingMax)
            {
                throw new InvalidOperationException(
                    $"Model {model.Version}: probe row {i} predicted {ratings[i]}, outside [{model.RatingMin}, {model.RatingMax}] or not finite.");
            }
        }

        return ValueTask.CompletedTask;
    }
}
