using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Evaluation;

/// <summary>
/// Measures "online learning between retrains" the way the grains would do it: over ratings in event-time order,
/// each rating is first predicted by the frozen model plus the user's and the product's <see cref="OnlineBias"/>
/// (predict first), and only then both biases learn from its error (learn after), so no prediction has seen its own
/// rating. The frozen model alone is scored on the same ratings, giving the gain.
/// </summary>
public static class PrequentialEvaluator
{
    /// <summary>Evaluates over the ratings of <paramref name="events"/> (in event-time order), features built point in time.</summary>
    public static PrequentialReport Evaluate(IEnumerable<InteractionEvent> events, IRatingPredictor frozen, PrequentialOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Evaluate(RatingExampleExtractor.ExtractOrdered(events), frozen, options);
    }

    /// <summary>Evaluates over <paramref name="examples"/>, taken in the order given (event-time order).</summary>
    public static PrequentialReport Evaluate(IEnumerable<RatingExample> examples, IRatingPredictor frozen, PrequentialOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(frozen);
        options ??= new PrequentialOptions();
        var users = new Dictionary<string, OnlineBias>(StringComparer.Ordinal);
        var products = new Dictionary<string, OnlineBias>(StringComparer.Ordinal);
        var frozenScore = new RegressionAccumulator();
        var onlineScore = new RegressionAccumulator();
        foreach (var example in examples)
        {
            var user = Bias(users, example.UserId);
            var product = Bias(products, example.ProductId);
            var model = frozen.Predict(example);
            var raw = model + user.Value + product.Value;
            frozenScore.Add(example.Target, Math.Clamp(model, options.RatingMin, options.RatingMax));
            onlineScore.Add(example.Target, Math.Clamp(raw, options.RatingMin, options.RatingMax));

            // The error is taken before the clip: against a clipped prediction a bias already past the scale's end
            // would see no error and could drift on unchecked.
            var error = example.Target - raw;
            user.Learn(error, options.LearningRate, options.Regularization);
            product.Learn(error, options.LearningRate, options.Regularization);
        }

        var frozenMetrics = frozenScore.ToMetrics();
        var onlineMetrics = onlineScore.ToMetrics();
        return new PrequentialReport(
            frozenMetrics,
            onlineMetrics,
            frozenMetrics.Rmse - onlineMetrics.Rmse,
            onlineMetrics.R2 - frozenMetrics.R2,
            users.Count,
            products.Count);
    }

    private static OnlineBias Bias(Dictionary<string, OnlineBias> biases, string id)
    {
        if (!biases.TryGetValue(id, out var bias))
        {
            bias = new OnlineBias();
            biases[id] = bias;
        }

        return bias;
    }
}
