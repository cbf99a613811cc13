namespace StreamAnalytics.Training.Rating;

/// <summary>One pass over the training data.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainMse">Mean squared error of <c>raw</c> over the epoch's steps (data term only, with id dropout).</param>
/// <param name="ValidationMse">Mean squared error of the clipped predictions on the validation split after the epoch.</param>
public sealed record RatingEpoch(int Epoch, double TrainMse, double ValidationMse);
