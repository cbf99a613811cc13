using StreamAnalytics.Inference.Rating;
using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Inference.Tests;

public sealed class RatingModelLoadTests
{
    private static readonly RatingModelWeights Weights = RatingWeightsFactory.Random(21, features: 4);
    private static readonly byte[] Good = RatingOnnxExporter.Export(Weights, "v1", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Corrupt_bytes_fail_to_load_as_corrupt()
    {
        var corrupt = Good[..(Good.Length / 2)];

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(corrupt, Weights.FeatureNames));

        Assert.Equal(ModelLoadFailure.Corrupt, error.Failure);
        Assert.StartsWith("Corrupt:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_garbage_fails_to_load_as_corrupt()
    {
        var garbage = new byte[512];
        new Random(3).NextBytes(garbage);

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(garbage, Weights.FeatureNames));

        Assert.Equal(ModelLoadFailure.Corrupt, error.Failure);
    }

    [Fact]
    public void A_model_of_another_kind_fails_to_load_naming_the_kind()
    {
        var face = OnnxEdits.WithMetadata(Good, RatingOnnxContract.KindKey, "face");

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(face, Weights.FeatureNames));

        Assert.Equal(ModelLoadFailure.WrongKind, error.Failure);
        Assert.Contains("'face'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_kind_fails_to_load()
    {
        var unlabelled = OnnxEdits.WithoutMetadata(Good, RatingOnnxContract.KindKey);

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(unlabelled, Weights.FeatureNames));

        Assert.Equal(ModelLoadFailure.WrongKind, error.Failure);
    }

    [Fact]
    public void A_model_with_fewer_features_than_the_caller_computes_fails_to_load()
    {
        var callerFeatures = RatingWeightsFactory.FeatureNames(5);

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(Good, callerFeatures));

        Assert.Equal(ModelLoadFailure.FeatureMismatch, error.Failure);
        Assert.Contains("takes 4 features but the caller computes 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_features_in_another_order_fails_to_load()
    {
        var swapped = Weights.FeatureNames.Reverse().ToArray();

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(Good, swapped));

        Assert.Equal(ModelLoadFailure.FeatureMismatch, error.Failure);
        Assert.Contains("feature 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_whose_feature_input_disagrees_with_its_feature_names_fails_to_load()
    {
        var fiveNames = OnnxEdits.WithMetadata(Good, RatingOnnxContract.FeaturesKey, """["a","b","c","d","e"]""");

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(fiveNames, RatingWeightsFactory.FeatureNames(5)));

        Assert.Equal(ModelLoadFailure.BadMetadata, error.Failure);
        Assert.Contains("names 5 features but input features takes 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_with_a_renamed_input_fails_to_load_naming_the_missing_input()
    {
        var renamed = OnnxEdits.WithInputRenamed(Good, RatingOnnxContract.UserIndexInput, "users");

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(renamed, Weights.FeatureNames));

        Assert.Equal(ModelLoadFailure.WrongSignature, error.Failure);
        Assert.Contains("no input 'user_index'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_vocabulary_metadata_fails_to_load()
    {
        var broken = OnnxEdits.WithMetadata(Good, RatingOnnxContract.UsersKey, "not json");

        var error = Assert.Throws<ModelLoadException>(() => new RatingModel(broken, Weights.FeatureNames));

        Assert.Equal(ModelLoadFailure.BadMetadata, error.Failure);
        Assert.Contains(RatingOnnxContract.UsersKey, error.Message, StringComparison.Ordinal);
    }
}
