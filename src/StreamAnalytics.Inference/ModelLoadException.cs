namespace StreamAnalytics.Inference;

/// <summary>Thrown when model bytes cannot become a served model; the message names the reason.</summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>An exception for <paramref name="failure"/>, its message prefixed with the failure's name.</summary>
    public ModelLoadException(ModelLoadFailure failure, string message, Exception? innerException = null)
        : base($"{failure}: {message}", innerException)
    {
        Failure = failure;
    }

    /// <summary>The kind of failure.</summary>
    public ModelLoadFailure Failure { get; }
}
