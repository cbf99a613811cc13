using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Inference.Rating;

namespace StreamAnalytics.IntegrationTests.Cli;

[Trait("Category", "Integration")]
public sealed class RatingTrainCommandTests
{
    [Fact]
    public async Task Train_rating_writes_a_model_that_serving_loads_with_the_grains_feature_names()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sa-rating-{Guid.NewGuid():N}.onnx");
        try
        {
            var result = await SaCommand.RunAsync(
                TimeSpan.FromMinutes(3), "train", "rating", "--format", "synthetic", "--ratings", "5000", "--output", file, "--version", "cli-test");

            Assert.True(result.ExitCode == 0, result.Error);
            using var model = new RatingModel(await File.ReadAllBytesAsync(file), RatingFeatureVector.Names);
            Assert.Equal("cli-test", model.Version);
            Assert.Equal(RatingFeatureVector.Names, model.FeatureNames);
            Assert.Equal((1f, 5f), (model.RatingMin, model.RatingMax));

            // A user the model knows and an unknown one, with never-seen features: both inside the scale.
            var features = new float[2 * model.FeatureCount];
            var ratings = model.Predict([model.UserRow("u1"), 0], [model.ProductRow("p1"), 0], features, 2);
            Assert.All(ratings, r => Assert.InRange(r, 1f, 5f));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Train_rating_refuses_an_output_folder_that_does_not_exist_with_exit_code_2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sa-missing-{Guid.NewGuid():N}", "rating.onnx");

        var result = await SaCommand.RunAsync(TimeSpan.FromMinutes(1), "train", "rating", "--ratings", "500", "--output", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
    }
}
