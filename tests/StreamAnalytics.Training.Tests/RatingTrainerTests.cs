using Xunit.Abstractions;

namespace StreamAnalytics.Training.Tests;

[Collection(TrainingGroup.Name)]
public sealed class RatingTrainerTests(SyntheticModelFixture model, ITestOutputHelper output)
{
    [Fact]
    public void Trained_model_reaches_nine_tenths_of_the_achievable_test_R2()
    {
        var test = model.Test;
        var predictions = model.Result.Network.Predict(test.UserIndex, test.ProductIndex, test.Features);

        var trained = SyntheticRatings.RSquared(test.Target, [.. predictions.Select(p => (double)p)]);
        var achievable = SyntheticRatings.RSquared(test.Target, model.TestTrueMean);

        foreach (var epoch in model.Result.Epochs)
        {
            output.WriteLine($"epoch {epoch.Epoch}: train MSE {epoch.TrainMse:F4}, validation MSE {epoch.ValidationMse:F4}");
        }

        output.WriteLine(
            $"best epoch {model.Result.BestEpoch}, {model.Result.Seconds:F1} s; test R² {trained:F4}, "
            + $"noise-free function {achievable:F4}, ratio {trained / achievable:F3}");
        Assert.True(trained >= 0.9 * achievable, $"test R² {trained:F4} < 0.9 × {achievable:F4}");
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch()
    {
        var result = model.Result;
        var best = result.Epochs.Single(e => e.Epoch == result.BestEpoch);

        Assert.Equal(result.Epochs.Min(e => e.ValidationMse), best.ValidationMse);
        Assert.Equal(best.ValidationMse, result.BestValidationMse);

        // The network holds the best epoch's weights: its validation MSE is the recorded one.
        var validation = model.Validation;
        var predictions = result.Network.Predict(validation.UserIndex, validation.ProductIndex, validation.Features);
        var mse = predictions.Select((p, i) => Math.Pow(p - validation.Target[i], 2)).Average();
        Assert.Equal(best.ValidationMse, mse, 5);
    }

    [Fact]
    public void Unknown_rows_predict_the_population_behaviour()
    {
        var test = model.Test;
        var n = test.Count;
        var unknown = new long[n];
        var predictions = model.Result.Network.Predict(unknown, unknown, test.Features);

        // For an unseen user and product the best prediction is the population mean plus the feature effects.
        var population = new double[n];
        var f = test.FeatureCount;
        for (var i = 0; i < n; i++)
        {
            population[i] = 3 + SyntheticRatings.FeatureEffect(test.Features[(i * f)..((i + 1) * f)]);
        }

        var meanGap = predictions.Average(p => (double)p) - test.Target.Average(t => (double)t);
        var rmse = Math.Sqrt(predictions.Select((p, i) => Math.Pow(p - population[i], 2)).Average());
        output.WriteLine($"unknown rows: mean prediction − mean rating {meanGap:F4}, RMSE to the population function {rmse:F4}");
        Assert.InRange(meanGap, -0.1, 0.1);
        Assert.True(rmse < 0.2, $"RMSE to the population function {rmse:F4}");
    }

    [Fact]
    public void A_rare_user_is_shrunk_toward_the_population()
    {
        // Rows are penalised once over the whole training set, so the fewer ratings a user has, the closer its row
        // stays to 0: the mean squared factor norm falls with the number of ratings.
        var weights = model.Result.ToWeights();
        var k = weights.Factors;
        var counts = new int[weights.UserIds.Count + 1];
        foreach (var row in model.Training.UserIndex)
        {
            counts[row]++;
        }

        double Norm(int row) => Enumerable.Range(0, k).Sum(j => Math.Pow(weights.UserFactors[(row * k) + j], 2));
        var rows = Enumerable.Range(1, weights.UserIds.Count).OrderBy(row => counts[row]).ToArray();
        var rare = rows[..(rows.Length / 5)].Average(Norm);
        var frequent = rows[^(rows.Length / 5)..].Average(Norm);
        output.WriteLine($"mean squared factor norm: rarest fifth {rare:F4}, most frequent fifth {frequent:F4}");
        Assert.True(rare < frequent);
    }

    [Fact]
    public void Unknown_user_with_a_known_product_gets_the_product_effect()
    {
        var test = model.Test;
        var n = test.Count;
        var withUser = model.Result.Network.Predict(test.UserIndex, test.ProductIndex, test.Features);
        var withoutUser = model.Result.Network.Predict(new long[n], test.ProductIndex, test.Features);
        var withoutBoth = model.Result.Network.Predict(new long[n], new long[n], test.Features);

        // Dropping the user loses accuracy, but knowing the product still beats knowing neither.
        double R2(float[] p) => SyntheticRatings.RSquared(test.Target, [.. p.Select(v => (double)v)]);
        output.WriteLine($"test R²: both known {R2(withUser):F4}, product only {R2(withoutUser):F4}, neither {R2(withoutBoth):F4}");
        Assert.True(R2(withUser) > R2(withoutUser));
        Assert.True(R2(withoutUser) > R2(withoutBoth));
    }
}
