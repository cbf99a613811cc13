namespace StreamAnalytics.Training.Rating.Data;

/// <summary>One fold of a K-fold split, as indices into a dataset's examples.</summary>
/// <param name="Index">The fold's number, from 0.</param>
/// <param name="Train">Indices the model learns from.</param>
/// <param name="Validation">Indices held out of <paramref name="Train"/>'s folds for early stopping (may be empty).</param>
/// <param name="Test">The fold's own indices, on which it is scored.</param>
public sealed record RatingFold(int Index, IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test);
