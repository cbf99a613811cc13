using StreamAnalytics.Grains.Ratings;

namespace StreamAnalytics.Grains.Tests.Ratings;

public sealed class RatingServingOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(new RatingServingOptions().Validate());

    [Theory]
    [InlineData(nameof(RatingServingOptions.RecentPredictions))]
    [InlineData(nameof(RatingServingOptions.MaxPredictionsPerBatch))]
    [InlineData(nameof(RatingServingOptions.CandidatesPerList))]
    [InlineData(nameof(RatingServingOptions.OnlineLearningRate))]
    [InlineData(nameof(RatingServingOptions.ContextMaxAge))]
    public void An_out_of_range_setting_is_named_in_the_error(string setting)
    {
        var options = new RatingServingOptions();
        switch (setting)
        {
            case nameof(RatingServingOptions.RecentPredictions): options.RecentPredictions = -1; break;
            case nameof(RatingServingOptions.MaxPredictionsPerBatch): options.MaxPredictionsPerBatch = 0; break;
            case nameof(RatingServingOptions.CandidatesPerList): options.CandidatesPerList = 0; break;
            case nameof(RatingServingOptions.OnlineLearningRate): options.OnlineLearningRate = float.NaN; break;
            default: options.ContextMaxAge = TimeSpan.FromSeconds(-1); break;
        }

        Assert.Contains(options.Validate(), message => message.Contains(setting, StringComparison.Ordinal));
    }
}
