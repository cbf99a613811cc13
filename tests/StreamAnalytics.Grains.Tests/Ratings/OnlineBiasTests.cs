using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Grains.Tests.Ratings;

public sealed class OnlineBiasTests
{
    [Fact]
    public void A_new_bias_is_zero_and_has_no_updates()
    {
        var bias = new OnlineBias();

        Assert.Equal(0f, bias.Value);
        Assert.Equal(0, bias.Updates);
    }

    [Fact]
    public void One_step_moves_the_value_by_the_learning_rate_times_the_regularised_error()
    {
        var bias = new OnlineBias();

        bias.Learn(error: 1f, learningRate: 0.1f, regularization: 0.5f);
        bias.Learn(error: 1f, learningRate: 0.1f, regularization: 0.5f);

        // 0 + 0.1 * (1 - 0) = 0.1, then 0.1 + 0.1 * (1 - 0.5 * 0.1) = 0.195
        Assert.Equal(0.195f, bias.Value, 6);
        Assert.Equal(2, bias.Updates);
    }

    [Fact]
    public void Repeated_steady_error_converges_to_the_offset_between_model_and_ratings()
    {
        var bias = new OnlineBias();
        const float Offset = 0.8f;

        for (var i = 0; i < 500; i++)
        {
            bias.Learn(Offset - bias.Value);
        }

        // With L2 the fixed point is offset / (1 + reg): slightly shrunk toward the model.
        Assert.Equal(Offset / (1 + OnlineBias.DefaultRegularization), bias.Value, 3);
    }

    [Fact]
    public void A_non_finite_error_is_ignored()
    {
        var bias = new OnlineBias();
        bias.Learn(0.5f);

        bias.Learn(float.NaN);
        bias.Learn(float.PositiveInfinity);

        Assert.Equal(0.025f, bias.Value, 6);
        Assert.Equal(1, bias.Updates);
    }

    [Fact]
    public void The_bias_survives_the_orleans_serializer_as_grain_state()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var bias = new OnlineBias();
        bias.Learn(0.7f);
        bias.Learn(-0.2f);

        var copy = serializer.Deserialize<OnlineBias>(serializer.SerializeToArray(bias))!;

        Assert.Equal(bias.Value, copy.Value);
        Assert.Equal(2, copy.Updates);
    }

    [Fact]
    public void A_negative_learning_rate_or_regularization_is_refused()
    {
        var bias = new OnlineBias();

        Assert.Throws<ArgumentOutOfRangeException>(() => bias.Learn(1, learningRate: -0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => bias.Learn(1, regularization: float.NaN));
    }
}
