namespace StreamAnalytics.Silo.Security;

/// <summary>
/// The request body size every endpoint is held to unless it declares its own (with
/// <see cref="Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata"/>), bound from the <c>Api</c> section.
/// <code>
/// "Api": { "MaxRequestBodyBytes": 1048576 }
/// </code>
/// </summary>
public sealed class RequestBodyLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Api";

    /// <summary>
    /// The largest request body accepted, in bytes; larger is a 413. Defaults to 1 MiB (1,048,576), the same as
    /// <c>POST /api/interactions</c> caps itself at, so raising it does not raise that endpoint's cap.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;
}
