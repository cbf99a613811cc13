namespace StreamAnalytics.Inference.Gallery;

/// <summary>
/// Thrown when an enrolment would take the gallery past one of its limits (<see cref="FaceGalleryOptions"/>). The
/// gallery is unchanged. Serving answers it as a client error (HTTP 409 or 422), naming the limit.
/// </summary>
public sealed class GalleryLimitExceededException : InvalidOperationException
{
    /// <summary>An exception naming the limit (an option of <see cref="FaceGalleryOptions"/>) and its value.</summary>
    public GalleryLimitExceededException(string limit, int value, string message)
        : base(message)
    {
        Limit = limit;
        Value = value;
    }

    /// <summary>The option that was reached: <c>MaxIdentities</c> or <c>MaxEmbeddingsPerIdentity</c>.</summary>
    public string Limit { get; }

    /// <summary>The option's value.</summary>
    public int Value { get; }
}
