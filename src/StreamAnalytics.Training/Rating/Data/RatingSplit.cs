namespace StreamAnalytics.Training.Rating.Data;

/// <summary>A train/validation/test split as indices into a dataset's examples (disjoint, covering every example).</summary>
/// <param name="Train">Indices of the training examples.</param>
/// <param name="Validation">Indices of the validation examples (for early stopping and the promotion gate).</param>
/// <param name="Test">Indices of the test examples (reported, never used to choose anything).</param>
public sealed record RatingSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test);
