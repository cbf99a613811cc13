using StreamAnalytics.Inference.Faces;
using StreamAnalytics.ModelExport.Faces;
using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Inference.Tests;

public sealed class FaceModelLoadTests
{
    private static readonly FaceModelWeights Weights = FaceWeightsFactory.Random(51);
    private static readonly byte[] Good = FaceExportTests.Export(Weights);

    [Fact]
    public void Corrupt_bytes_fail_to_load_as_corrupt()
    {
        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(Good[..(Good.Length / 2)]));

        Assert.Equal(ModelLoadFailure.Corrupt, error.Failure);
        Assert.StartsWith("Corrupt:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_garbage_fails_to_load_as_corrupt()
    {
        var garbage = new byte[512];
        new Random(5).NextBytes(garbage);

        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(garbage));

        Assert.Equal(ModelLoadFailure.Corrupt, error.Failure);
    }

    [Fact]
    public void A_rating_model_fails_to_load_as_a_face_model()
    {
        var rating = RatingOnnxExporter.Export(RatingWeightsFactory.Random(52), "v1", DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(rating));

        Assert.Equal(ModelLoadFailure.WrongKind, error.Failure);
        Assert.Contains("'rating', expected 'face'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_face_model_fails_to_load_as_a_rating_model()
    {
        var error = Assert.Throws<ModelLoadException>(() => new Rating.RatingModel(Good, RatingWeightsFactory.FeatureNames(5)));

        Assert.Equal(ModelLoadFailure.WrongKind, error.Failure);
    }

    [Fact]
    public void A_model_without_a_kind_fails_to_load()
    {
        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(OnnxEdits.WithoutMetadata(Good, FaceOnnxContract.KindKey)));

        Assert.Equal(ModelLoadFailure.WrongKind, error.Failure);
        Assert.Contains("(missing)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_taking_another_image_size_fails_to_load_as_the_wrong_signature()
    {
        var square = FaceOnnxEdits.WithInputDims(Good, FaceOnnxContract.ImageInput, null, 1, 64, 64);

        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(square));

        Assert.Equal(ModelLoadFailure.WrongSignature, error.Failure);
        Assert.Contains("shape [N, 1, 64, 64], expected [N, 1, 112, 92]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_taking_colour_images_fails_to_load_as_the_wrong_signature()
    {
        var colour = FaceOnnxEdits.WithInputDims(Good, FaceOnnxContract.ImageInput, null, 3, 112, 92);

        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(colour));

        Assert.Equal(ModelLoadFailure.WrongSignature, error.Failure);
    }

    [Fact]
    public void A_graph_with_a_fixed_batch_size_fails_to_load_as_the_wrong_signature()
    {
        var fixedBatch = FaceOnnxEdits.WithInputDims(Good, FaceOnnxContract.ImageInput, 1, 1, 112, 92);

        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(fixedBatch));

        Assert.Equal(ModelLoadFailure.WrongSignature, error.Failure);
    }

    [Fact]
    public void A_graph_without_the_logits_output_fails_to_load_naming_it()
    {
        var renamed = FaceOnnxEdits.WithOutputRenamed(Good, FaceOnnxContract.LogitsOutput, "scores");

        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(renamed));

        Assert.Equal(ModelLoadFailure.WrongSignature, error.Failure);
        Assert.Contains("no output 'logits'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identities_that_disagree_with_the_logits_fail_to_load()
    {
        var three = OnnxEdits.WithMetadata(Good, FaceOnnxContract.IdentitiesKey, """["a","b","c"]""");

        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(three));

        Assert.Equal(ModelLoadFailure.BadMetadata, error.Failure);
        Assert.Contains("names 3 identities but output logits has 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FaceOnnxContract.IdentitiesKey, "not json")]
    [InlineData(FaceOnnxContract.IdentitiesKey, """["a","b","a","c","d"]""")]
    [InlineData(FaceOnnxContract.IdentitiesKey, """["a","","b","c","d"]""")]
    [InlineData(FaceOnnxContract.ThresholdKey, "1.5")]
    [InlineData(FaceOnnxContract.ThresholdKey, "NaN")]
    [InlineData(FaceOnnxContract.InputHeightKey, "128")]
    [InlineData(FaceOnnxContract.InputWidthKey, "ninety-two")]
    [InlineData(FaceOnnxContract.TrainedAtKey, "yesterday")]
    public void Unreadable_or_off_contract_metadata_fails_to_load_naming_the_key(string key, string value)
    {
        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(OnnxEdits.WithMetadata(Good, key, value)));

        Assert.Equal(ModelLoadFailure.BadMetadata, error.Failure);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FaceOnnxContract.VersionKey)]
    [InlineData(FaceOnnxContract.ThresholdKey)]
    [InlineData(FaceOnnxContract.IdentitiesKey)]
    [InlineData(FaceOnnxContract.InputHeightKey)]
    public void Missing_metadata_fails_to_load_naming_the_key(string key)
    {
        var error = Assert.Throws<ModelLoadException>(() => new FaceModel(OnnxEdits.WithoutMetadata(Good, key)));

        Assert.Equal(ModelLoadFailure.BadMetadata, error.Failure);
        Assert.Contains($"{key} is missing", error.Message, StringComparison.Ordinal);
    }
}
