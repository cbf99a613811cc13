using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Training.Rating;

/// <summary>The trained network (holding the best epoch's weights) and how training went.</summary>
public sealed class RatingTrainingResult : IDisposable
{
    /// <summary>The network with the weights of <see cref="BestEpoch"/>; disposed with this result.</summary>
    public required RatingNetwork Network { get; init; }

    /// <summary>Every epoch run, in order.</summary>
    public required IReadOnlyList<RatingEpoch> Epochs { get; init; }

    /// <summary>The epoch with the lowest validation MSE, whose weights <see cref="Network"/> holds.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>The validation MSE of <see cref="BestEpoch"/>.</summary>
    public required double BestValidationMse { get; init; }

    /// <summary>Wall-clock seconds of the training run.</summary>
    public required double Seconds { get; init; }

    /// <summary>User ids naming rows 1.. of the user tables.</summary>
    public required IReadOnlyList<string> UserIds { get; init; }

    /// <summary>Product ids naming rows 1.. of the product tables.</summary>
    public required IReadOnlyList<string> ProductIds { get; init; }

    /// <summary>The feature names, in input order.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>The trained weights with their vocabularies, for export.</summary>
    public RatingModelWeights ToWeights() => Network.ToWeights(UserIds, ProductIds, FeatureNames);

    /// <inheritdoc />
    public void Dispose() => Network.Dispose();
}
