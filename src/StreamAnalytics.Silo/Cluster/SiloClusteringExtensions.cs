using System.Net;
using Orleans.Configuration;

namespace StreamAnalytics.Silo;

/// <summary>Joins the silo to its cluster as <c>Orleans:Clustering</c> says.</summary>
public static class SiloClusteringExtensions
{
    /// <summary>
    /// Localhost clustering (a primary silo on <see cref="SiloOptions.PrimarySiloPort"/>) or the Redis membership
    /// table, with this silo's ports and advertised address. <paramref name="silo"/> must have been validated.
    /// </summary>
    public static ISiloBuilder UseConfiguredClustering(this ISiloBuilder orleans, SiloOptions silo)
    {
        if (silo.Clustering == ClusteringProviders.Redis)
        {
            var redis = StackExchange.Redis.ConfigurationOptions.Parse(silo.Redis!);
            orleans.UseRedisClustering(options => options.ConfigurationOptions = redis);
            orleans.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = silo.ClusterId;
                options.ServiceId = silo.ServiceId;
            });
        }
        else
        {
            orleans.UseLocalhostClustering(
                silo.SiloPort, silo.GatewayPort, new IPEndPoint(IPAddress.Loopback, silo.PrimarySiloPort), silo.ServiceId, silo.ClusterId);
        }

        // A silo advertised on a routable address (a container's) must also listen beyond loopback to be reached there.
        var advertised = AdvertisedAddress.Resolve(silo.AdvertisedIPAddress);
        orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        return orleans;
    }
}
