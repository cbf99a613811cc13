using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace StreamAnalytics.Silo.Security;

/// <summary>Turns on Orleans' TLS transport when <see cref="SiloTlsOptions.CertificatePath"/> is configured.</summary>
public static class SiloTlsHostingExtensions
{
    /// <summary>Configures mutual TLS with pinned certificates, or nothing when no certificate is configured.</summary>
    public static ISiloBuilder UseConfiguredTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SiloTlsOptions.SectionName).Get<SiloTlsOptions>() ?? new SiloTlsOptions();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return silo;
        }

        if (!File.Exists(options.CertificatePath))
        {
            throw new InvalidOperationException($"{SiloTlsOptions.SectionName}:CertificatePath '{options.CertificatePath}' does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{SiloTlsOptions.SectionName}:CertificatePath '{options.CertificatePath}' holds no private key.");
        }

        var pinned = options.AllowedThumbprints.Append(certificate.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return silo.UseTls(certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            // Silos dial each other by IP address and usually share a self-signed certificate, so the chain and the
            // host name cannot be what is checked: the pinned thumbprint is.
            tls.RemoteCertificateValidation = (remote, _, _) => remote is not null && pinned.Contains(remote.Thumbprint);
        });
    }
}
