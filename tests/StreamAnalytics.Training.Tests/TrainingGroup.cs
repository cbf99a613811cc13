namespace StreamAnalytics.Training.Tests;

/// <summary>
/// The training tests run one after another (training holds a process-wide lock on libtorch's state anyway, and on
/// two cores parallel trainings would only distort the measured times) and share one model trained on synthetic data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TrainingGroup : ICollectionFixture<SyntheticModelFixture>
{
    public const string Name = "Training";
}
