using Confluent.Kafka;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Silo.Health;

/// <summary>
/// Asks the Kafka cluster for its metadata every <see cref="Interval"/> (at start, then periodically) and keeps the
/// answer for <c>GET /health</c>, so the health endpoint reports whether the broker is reachable now, not merely
/// configured, without a network call on each request.
/// </summary>
public sealed partial class BrokerProbe(IOptionsMonitor<KafkaStreamOptions> kafka, ILogger<BrokerProbe> logger) : BackgroundService
{
    /// <summary>How often the broker is asked: 10 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>How long one metadata request may take before the broker counts as unreachable: 3 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private volatile BrokerProbeResult? _last;

    /// <summary>The latest answer, or null before the first one.</summary>
    public BrokerProbeResult? Last => _last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = kafka.Get(StreamNames.KafkaProvider);
        var config = new AdminClientConfig(new Dictionary<string, string>(options.ClientProperties))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = "stream-analytics-health",
        };
        // librdkafka logs every refused connection at error level; the probe's own result says it once per check.
        using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        using var timer = new PeriodicTimer(Interval);
        do
        {
            // GetMetadata blocks its thread for up to Timeout; keep it off the host's start-up path.
            var result = await Task.Run(() => Probe(admin), stoppingToken);
            if (result.Reachable != _last?.Reachable)
            {
                LogChanged(result.Reachable, result.Error ?? "ok");
            }

            _last = result;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static BrokerProbeResult Probe(IAdminClient admin)
    {
        var now = DateTimeOffset.UtcNow;
        try
        {
            var metadata = admin.GetMetadata(Timeout);
            return new BrokerProbeResult(metadata.Brokers.Count > 0, now, metadata.Brokers.Count, metadata.Brokers.Count > 0 ? null : "no brokers in metadata");
        }
        catch (KafkaException e)
        {
            return new BrokerProbeResult(false, now, 0, e.Error.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka broker reachable: {Reachable} ({Detail})")]
    private partial void LogChanged(bool reachable, string detail);
}

/// <summary>One answer of <see cref="BrokerProbe"/>.</summary>
/// <param name="Reachable">The cluster answered a metadata request with at least one broker.</param>
/// <param name="CheckedAt">When the request was made.</param>
/// <param name="Brokers">Brokers in the answer; 0 when unreachable.</param>
/// <param name="Error">Why it is unreachable; null when reachable.</param>
public sealed record BrokerProbeResult(bool Reachable, DateTimeOffset CheckedAt, int Brokers, string? Error);
