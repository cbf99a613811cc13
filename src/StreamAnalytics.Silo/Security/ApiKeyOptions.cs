namespace StreamAnalytics.Silo.Security;

/// <summary>
/// The keys that write requests must present, bound from the <c>Api</c> section.
/// <code>
/// "Api": { "Keys": [ "first-key", "second-key" ] }
/// </code>
/// Several keys may be valid at once so a key can be rotated without downtime: add the new one, move clients over,
/// then remove the old one.
/// </summary>
public sealed class ApiKeyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Api";

    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>
    /// The accepted keys. Every <c>POST</c>, <c>PUT</c>, <c>PATCH</c> and <c>DELETE</c> must carry one of them in
    /// <see cref="HeaderName"/>; reads never need one. Defaults to none, which turns the check off (the local demo).
    /// Blank entries are refused at start-up.
    /// </summary>
    public List<string> Keys { get; set; } = [];
}
