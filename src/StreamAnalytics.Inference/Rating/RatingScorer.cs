using System.Buffers;
using System.Diagnostics;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Inference.Rating;

/// <summary>
/// Scores user-product pairs with the silo's active rating model: builds each pair's features with
/// <see cref="RatingFeatureVector"/> (exactly as the trainer did), maps ids to the model's rows, and runs the whole
/// batch in one ONNX Runtime call under a lease, so a hot swap never disposes the session mid-call. One per silo,
/// shared by every grain on it; thread-safe.
/// </summary>
public sealed class RatingScorer(ModelHost<RatingModel> host, RatingInstruments instruments)
{
    /// <summary>The active model's version; null while none is loaded.</summary>
    public string? ActiveVersion => host.ActiveVersion;

    /// <summary>
    /// Scores <paramref name="queries"/> in one batch; null when no model is loaded. An empty batch returns empty
    /// ratings without calling the model.
    /// </summary>
    public RatingScores? Score(IReadOnlyList<RatingQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (!host.TryAcquire(out var lease))
        {
            return null;
        }

        using (lease)
        {
            var model = lease.Model;
            var count = queries.Count;
            var ratings = new float[count];
            if (count == 0)
            {
                return new RatingScores(ratings, model.Version, model.RatingMin, model.RatingMax);
            }

            var width = model.FeatureCount;
            var users = ArrayPool<long>.Shared.Rent(count);
            var products = ArrayPool<long>.Shared.Rent(count);
            var features = ArrayPool<float>.Shared.Rent(count * width);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var query = queries[i];
                    users[i] = model.UserRow(query.UserId);
                    products[i] = model.ProductRow(query.ProductId);
                    RatingFeatureVector.Build(query.User, query.Product, features.AsSpan(i * width, width));
                }

                var started = Stopwatch.GetTimestamp();
                model.Predict(users.AsSpan(0, count), products.AsSpan(0, count), features.AsSpan(0, count * width), ratings);
                instruments.RecordCall(count, model.Version, Stopwatch.GetElapsedTime(started));
            }
            finally
            {
                ArrayPool<long>.Shared.Return(users);
                ArrayPool<long>.Shared.Return(products);
                ArrayPool<float>.Shared.Return(features);
            }

            return new RatingScores(ratings, model.Version, model.RatingMin, model.RatingMax);
        }
    }
}
