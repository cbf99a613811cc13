using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Cameras;

/// <summary>
/// Writes identifications to <c>identifications</c> (JSON, keyed by camera id) and undecodable Kafka frames to
/// <c>frames.dlq</c> (the original bytes, with a <c>reason</c> header), with one producer per silo on the stream
/// provider's brokers. Produce calls queue in librdkafka and return at once; a failed delivery is logged.
/// </summary>
public sealed partial class KafkaCameraResultSink : ICameraResultSink, IDisposable
{
    private readonly Lazy<IProducer<string, byte[]>> _producer;
    private readonly ILogger<KafkaCameraResultSink> _logger;
    private readonly Action<DeliveryReport<string, byte[]>> _onDelivered;
    private int _failuresLogged;

    /// <summary>Uses the brokers and client properties of the <c>kafka</c> stream provider.</summary>
    public KafkaCameraResultSink(IOptionsMonitor<KafkaStreamOptions> kafka, ILogger<KafkaCameraResultSink> logger)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        _logger = logger;
        _onDelivered = OnDelivered;
        _producer = new(() =>
        {
            var options = kafka.Get(StreamNames.KafkaProvider);
            return new ProducerBuilder<string, byte[]>(new ProducerConfig(new Dictionary<string, string>(options.ClientProperties))
            {
                BootstrapServers = options.BootstrapServers,
                Acks = Acks.All,
                LingerMs = 5,
            }).Build();
        });
    }

    /// <inheritdoc />
    public void Publish(CameraIdentification identification)
    {
        ArgumentNullException.ThrowIfNull(identification);
        Produce(TopicNames.Identifications, new Message<string, byte[]>
        {
            Key = identification.CameraId,
            Value = JsonSerializer.SerializeToUtf8Bytes(identification, CameraJson.Default.CameraIdentification),
            Timestamp = new Timestamp(identification.At),
        });
    }

    /// <inheritdoc />
    public void DeadLetter(CameraFrame frame, string reason)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Produce(TopicNames.FramesDeadLetter, new Message<string, byte[]>
        {
            Key = frame.CameraId,
            Value = frame.Image,
            Timestamp = new Timestamp(frame.Timestamp),
            Headers = [new Header("reason", Encoding.UTF8.GetBytes(reason)), new Header("source-topic", Encoding.UTF8.GetBytes(TopicNames.Frames))],
        });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }

    private void Produce(string topic, Message<string, byte[]> message)
    {
        try
        {
            _producer.Value.Produce(topic, message, _onDelivered);
        }
        catch (KafkaException e)
        {
            // The local queue is full (the brokers are down for long): the result is dropped, the frame's answer stands.
            LogFailure(topic, e.Error.Reason);
        }
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            LogFailure(report.Topic, report.Error.Reason);
        }
    }

    private void LogFailure(string topic, string reason)
    {
        if (Interlocked.Increment(ref _failuresLogged) <= 10)
        {
            LogDeliveryFailed(topic, reason);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "A camera result could not be written to {Topic}: {Reason} (the first 10 such failures are logged).")]
    private partial void LogDeliveryFailed(string topic, string reason);
}
