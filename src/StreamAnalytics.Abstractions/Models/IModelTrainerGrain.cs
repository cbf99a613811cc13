namespace StreamAnalytics.Abstractions.Models;

/// <summary>
/// Retrains one model kind (key: <see cref="ModelKinds"/>); placed only on silos with the <c>trainer</c> role. One
/// training at a time per kind; it runs on the trainer silo's thread pool, never on a worker.
/// </summary>
public interface IModelTrainerGrain : IGrainWithStringKey
{
    /// <summary>Starts a training run unless one is running; returns the run (the new one, or the one in progress).</summary>
    /// <param name="reason">Why (<c>api</c>, <c>schedule</c>, ...).</param>
    Task<TrainingRun> Retrain(string reason);

    /// <summary>The latest run.</summary>
    Task<TrainingRun> GetRun();
}
