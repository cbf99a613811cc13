using System.Net;
using System.Net.Sockets;

namespace StreamAnalytics.Silo;

/// <summary>Turns <c>Orleans:AdvertisedIPAddress</c> into the address Orleans publishes in its membership table.</summary>
public static class AdvertisedAddress
{
    /// <summary>
    /// The address for <paramref name="value"/>: loopback when empty, the address itself when it is one, otherwise the
    /// host name's first IPv4 address (a container name in docker-compose, say).
    /// </summary>
    /// <exception cref="SocketException">The host name does not resolve.</exception>
    public static IPAddress Resolve(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(value.Trim(), out var address))
        {
            return address;
        }

        var addresses = Dns.GetHostAddresses(value.Trim());
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
    }
}
