using System.Net.Sockets;

namespace StreamAnalytics.Silo;

/// <summary>
/// Checks <see cref="SiloOptions"/> before the silo is built, so a misspelt provider or a missing Redis address stops
/// start-up with a message naming the key instead of failing later inside Orleans.
/// </summary>
public static class SiloOptionsValidator
{
    /// <summary>Every problem with <paramref name="options"/>, as sentences naming the key; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(SiloOptions options)
    {
        var section = SiloOptions.SectionName;
        var errors = new List<string>();
        var clustering = Canonical(options.Clustering, ClusteringProviders.All);
        if (clustering is null)
        {
            errors.Add($"{section}:Clustering is '{options.Clustering}': use one of {string.Join(", ", ClusteringProviders.All)}.");
        }

        var storage = Canonical(options.GrainStorage, GrainStorageProviders.All);
        if (storage is null)
        {
            errors.Add($"{section}:GrainStorage is '{options.GrainStorage}': use one of {string.Join(", ", GrainStorageProviders.All)}.");
        }

        var needsRedis = clustering == ClusteringProviders.Redis || storage == GrainStorageProviders.Redis;
        if (needsRedis && string.IsNullOrWhiteSpace(options.Redis))
        {
            errors.Add($"{section}:Redis is empty: set it to the Redis configuration string (e.g. '127.0.0.1:6379') when {section}:Clustering or {section}:GrainStorage is Redis.");
        }
        else if (needsRedis && ParseRedisError(options.Redis!) is { } redisError)
        {
            errors.Add($"{section}:Redis '{options.Redis}' is not a StackExchange.Redis configuration string: {redisError}");
        }

        CheckPort(errors, "SiloPort", options.SiloPort);
        CheckPort(errors, "GatewayPort", options.GatewayPort);
        if (clustering == ClusteringProviders.Localhost)
        {
            CheckPort(errors, "PrimarySiloPort", options.PrimarySiloPort);
        }

        if (!string.IsNullOrWhiteSpace(options.AdvertisedIPAddress))
        {
            try
            {
                AdvertisedAddress.Resolve(options.AdvertisedIPAddress);
            }
            catch (Exception e) when (e is SocketException or ArgumentException)
            {
                errors.Add($"{section}:AdvertisedIPAddress '{options.AdvertisedIPAddress}' is neither an IP address nor a resolvable host name: {e.Message}");
            }
        }

        return errors;
    }

    /// <summary>
    /// Throws when <paramref name="options"/> is invalid; otherwise rewrites <c>Clustering</c> and <c>GrainStorage</c>
    /// in their canonical spelling, so later code compares them with the constants.
    /// </summary>
    public static void ThrowIfInvalid(SiloOptions options)
    {
        if (Validate(options) is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(
                $"The '{SiloOptions.SectionName}' settings are invalid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}");
        }

        options.Clustering = Canonical(options.Clustering, ClusteringProviders.All)!;
        options.GrainStorage = Canonical(options.GrainStorage, GrainStorageProviders.All)!;
    }

    private static string? Canonical(string? value, IReadOnlyList<string> accepted) =>
        accepted.FirstOrDefault(name => string.Equals(name, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string? ParseRedisError(string configuration)
    {
        try
        {
            StackExchange.Redis.ConfigurationOptions.Parse(configuration);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static void CheckPort(List<string> errors, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{SiloOptions.SectionName}:{key} is {port}: it must be between 1 and 65535.");
        }
    }
}
