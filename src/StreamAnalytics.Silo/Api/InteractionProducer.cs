using Confluent.Kafka;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Silo.Api;

/// <summary>Writes validated interactions to the <c>interactions</c> topic, keyed by user id, as canonical JSON.</summary>
public sealed class InteractionProducer(IOptionsMonitor<KafkaStreamOptions> kafka) : IDisposable
{
    private readonly Lazy<IProducer<string, byte[]>> _producer = new(() =>
    {
        var options = kafka.Get(StreamNames.KafkaProvider);
        return new ProducerBuilder<string, byte[]>(new ProducerConfig(new Dictionary<string, string>(options.ClientProperties))
        {
            BootstrapServers = options.BootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 2,
        }).Build();
    });

    /// <summary>Writes every interaction and waits until the broker acknowledged all of them.</summary>
    public Task WriteAsync(IReadOnlyList<InteractionEvent> interactions, CancellationToken cancellation) =>
        Task.WhenAll(interactions.Select(interaction => _producer.Value.ProduceAsync(
            TopicNames.Interactions,
            new Message<string, byte[]> { Key = interaction.UserId, Value = InteractionEventSerializer.SerializeToUtf8Bytes(interaction) },
            cancellation)));

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }
}
