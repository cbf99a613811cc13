using StreamAnalytics.Training.Evaluation.Baselines;
using StreamAnalytics.Training.Rating.Data;
using static StreamAnalytics.Training.Tests.Data.TestRatings;

namespace StreamAnalytics.Training.Tests.Evaluation;

public sealed class BaselineTests
{
    [Fact]
    public void The_global_mean_predicts_the_training_mean_for_everyone()
    {
        var model = GlobalMeanPredictor.Train([Example("u1", "p1", 5), Example("u2", "p2", 2)]);

        Assert.Equal(3.5f, model.Predict(Example("someone", "something", 0)));
        Assert.Equal(0f, GlobalMeanPredictor.Train([]).Predict(Example("u", "p", 0)));
    }

    [Fact]
    public void One_als_pass_gives_the_hand_computed_regularised_biases()
    {
        // mean 11/3. Products (users at 0): p1 (5 + 3 - 2·mean) / (1 + 2) = 2/9, p2 (3 - mean) / (1 + 1) = -1/3.
        // Users: u1 ((5 - mean - 2/9) + (3 - mean + 1/3)) / (1 + 2) = 7/27, u2 (3 - mean - 2/9) / (1 + 1) = -4/9.
        var model = BiasPredictor.Train(
            [Example("u1", "p1", 5), Example("u1", "p2", 3), Example("u2", "p1", 3)],
            new BiasPredictorOptions(Regularization: 1, Passes: 1));

        Assert.Equal(11f / 3, model.GlobalMean, 5);
        Assert.Equal(2f / 9, model.ProductBias("p1"), 5);
        Assert.Equal(-1f / 3, model.ProductBias("p2"), 5);
        Assert.Equal(7f / 27, model.UserBias("u1"), 5);
        Assert.Equal(-4f / 9, model.UserBias("u2"), 5);
        Assert.Equal(112f / 27, model.Predict(Example("u1", "p1", 0)), 5);
    }

    [Fact]
    public void Unknown_ids_have_zero_bias()
    {
        var model = BiasPredictor.Train([Example("u1", "p1", 5), Example("u1", "p2", 3), Example("u2", "p1", 3)]);

        Assert.Equal(0f, model.UserBias("stranger"));
        Assert.Equal(0f, model.ProductBias("novelty"));
        Assert.Equal(model.GlobalMean, model.Predict(Example("stranger", "novelty", 0)));
        Assert.Equal(model.GlobalMean + model.ProductBias("p2"), model.Predict(Example("stranger", "p2", 0)), 5);
    }

    [Fact]
    public void Predictions_are_clipped_to_the_training_ratings_range()
    {
        // A generous user and a popular product that never met: their biases add up past the top of the scale.
        var train = new List<RatingExample> { Example("grump", "dud", 1) };
        for (var q = 0; q < 10; q++)
        {
            train.Add(Example("fan", "q" + q, 5));
            for (var w = 0; w < 10; w++)
            {
                train.Add(Example($"w{q}-{w}", "q" + q, 3));
                train.Add(Example($"w{q}-{w}", "hit", 5));
            }
        }

        var model = BiasPredictor.Train(train);

        Assert.True(model.GlobalMean + model.UserBias("fan") + model.ProductBias("hit") > 5);
        Assert.Equal(5f, model.Predict(Example("fan", "hit", 0)));
    }

    [Fact]
    public void With_no_regularisation_and_enough_passes_biases_fit_an_additive_table_exactly()
    {
        float[] users = [0.5f, -0.5f, 0f];
        float[] products = [1f, -1f];
        var train = (from u in Enumerable.Range(0, 3) from p in Enumerable.Range(0, 2) select Example("u" + u, "p" + p, 3 + users[u] + products[p])).ToList();

        var model = BiasPredictor.Train(train, new BiasPredictorOptions(Regularization: 0, Passes: 20));

        Assert.All(train, e => Assert.Equal(e.Target, model.Predict(e), 4));
    }
}
