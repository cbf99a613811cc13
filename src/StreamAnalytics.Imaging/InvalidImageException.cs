namespace StreamAnalytics.Imaging;

/// <summary>Image bytes that <see cref="FaceImageDecoder"/> refused; <see cref="Reason"/> says why.</summary>
public sealed class InvalidImageException : Exception
{
    /// <summary>Creates the exception with its reason and a message for the caller.</summary>
    public InvalidImageException(ImageRejectReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with its reason, a message and the decoder's own error.</summary>
    public InvalidImageException(ImageRejectReason reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the image was refused.</summary>
    public ImageRejectReason Reason { get; }
}
