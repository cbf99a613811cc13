using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StreamAnalytics.IntegrationTests;

/// <summary>
/// The real silo host, started in-process on its embedded defaults (no Kafka configured), on free Orleans ports
/// so tests never collide with a silo a developer is running, with the trainer's rating store in a directory of its own
/// that is deleted with the factory.
/// </summary>
public class SiloHostFactory : WebApplicationFactory<Program>
{
    private readonly string _trainingStore = Path.Combine(Path.GetTempPath(), $"sa-training-store-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Training:StoreDirectory", _trainingStore);
        var siloPort = FreePort();
        builder.UseSetting("Orleans:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:PrimarySiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"test-{Guid.NewGuid():N}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_trainingStore))
        {
            Directory.Delete(_trainingStore, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
