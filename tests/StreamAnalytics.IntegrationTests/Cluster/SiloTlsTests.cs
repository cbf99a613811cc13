using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using StreamAnalytics.IntegrationTests.Processes;

namespace StreamAnalytics.IntegrationTests.Cluster;

[Trait("Category", "Integration")]
public sealed class SiloTlsTests : IAsyncLifetime
{
    private const string Password = "silo-test";
    private readonly string _folder = Directory.CreateTempSubdirectory("sa-tls-").FullName;

    [Fact]
    public async Task Two_silos_sharing_a_certificate_form_a_cluster_over_mutual_tls()
    {
        using var certificate = CreateCertificate("CN=stream-analytics-silo");
        var pfx = Path.Combine(_folder, "silo.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, Password));
        await using var broker = await StandaloneBroker.StartAsync();
        string[] settings =
        [
            $"--Kafka:BootstrapServers={broker.BootstrapServers}",
            $"--Orleans:ClusterId=tls-{Guid.NewGuid():N}",
            $"--Orleans:Tls:CertificatePath={pfx}",
            $"--Orleans:Tls:CertificatePassword={Password}",
        ];

        await using var primary = await SiloProcess.StartAsync(settings);
        await using var secondary = await SiloProcess.StartAsync([.. settings, $"--Orleans:PrimarySiloPort={primary.SiloPort}"]);

        foreach (var silo in new[] { primary, secondary })
        {
            await Eventually.WaitAsync("both silos in each silo's membership view", TimeSpan.FromSeconds(60), async () =>
            {
                var active = (await silo.HealthAsync()).GetProperty("cluster").GetProperty("activeSilos").GetInt32();
                return (active == 2, $"{active} active silos");
            }, silo.Tail);
        }

        // The silo port speaks TLS and presents the configured certificate (so the cluster above did not form in clear).
        Assert.Equal(certificate.Thumbprint, await ServerThumbprintAsync(primary.SiloPort, certificate));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<string> ServerThumbprintAsync(int port, X509Certificate2 clientCertificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        // Self-signed: the test pins the certificate it made, as the silos do.
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false,
            (_, presented, _, _) => presented?.GetCertHashString() == clientCertificate.Thumbprint);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "stream-analytics-silo",
            ClientCertificates = [clientCertificate],
        });
        return Assert.IsType<X509Certificate2>(tls.RemoteCertificate, exactMatch: false).Thumbprint;
    }

    private static X509Certificate2 CreateCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
