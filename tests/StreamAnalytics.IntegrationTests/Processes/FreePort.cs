using System.Net;
using System.Net.Sockets;

namespace StreamAnalytics.IntegrationTests.Processes;

/// <summary>Loopback ports nobody listens on now, so parallel runs and a developer's own silo never collide.</summary>
public static class FreePort
{
    /// <summary>A port the OS just handed out and released.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
