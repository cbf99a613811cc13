namespace StreamAnalytics.Grains.Training;

/// <summary>A trainer grain was called while no silo of the cluster has the <c>trainer</c> role.</summary>
[GenerateSerializer]
public sealed class NoTrainerSiloException : OrleansException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public NoTrainerSiloException()
        : base("No silo of the cluster has the trainer role (Orleans:Role); models are served but cannot be retrained.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NoTrainerSiloException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NoTrainerSiloException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
