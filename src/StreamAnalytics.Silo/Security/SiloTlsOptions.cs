namespace StreamAnalytics.Silo.Security;

/// <summary>
/// TLS between silos (and for clients at the gateway), bound from <c>Orleans:Tls</c>. Off unless
/// <see cref="CertificatePath"/> is set. Every connection is mutually authenticated: each side presents its
/// certificate and accepts only pinned ones.
/// <code>
/// "Orleans": { "Tls": { "CertificatePath": "/run/secrets/silo.pfx", "CertificatePassword": "...", "AllowedThumbprints": [] } }
/// </code>
/// </summary>
public sealed class SiloTlsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Orleans:Tls";

    /// <summary>A PKCS#12 (<c>.pfx</c>) file with this silo's certificate and private key. Defaults to none: TLS off.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>. Defaults to none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// SHA-1 thumbprints (hex) of remote certificates accepted besides this silo's own. Defaults to empty: only peers
    /// presenting the same certificate (one certificate shared by the cluster) are accepted. List the next
    /// certificate here on every silo before rolling it out.
    /// </summary>
    public List<string> AllowedThumbprints { get; set; } = [];
}
