using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// The provider's queue adapter: creates a receiver per assigned partition, and writes the events of Orleans
/// producers to Kafka as records the receiver recognises.
/// </summary>
internal sealed class KafkaAdapter : IQueueAdapter, IDisposable
{
    private readonly KafkaStreamOptions _options;
    private readonly KafkaQueueMapper _queueMapper;
    private readonly IKafkaRecordMapper _recordMapper;
    private readonly KafkaQueueAdapterCache _cache;
    private readonly Serializer _serializer;
    private readonly KafkaConsumerLagMonitor _monitor;
    private readonly KafkaInstruments _instruments;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Lazy<IProducer<string?, byte[]>> _producer;

    public KafkaAdapter(
        string name,
        KafkaStreamOptions options,
        KafkaQueueMapper queueMapper,
        IKafkaRecordMapper recordMapper,
        KafkaQueueAdapterCache cache,
        Serializer serializer,
        KafkaConsumerLagMonitor monitor,
        KafkaInstruments instruments,
        ILoggerFactory loggerFactory)
    {
        Name = name;
        _options = options;
        _queueMapper = queueMapper;
        _recordMapper = recordMapper;
        _cache = cache;
        _serializer = serializer;
        _monitor = monitor;
        _instruments = instruments;
        _loggerFactory = loggerFactory;
        // Created on first use: most silos only read.
        _producer = new Lazy<IProducer<string?, byte[]>>(
            () => new ProducerBuilder<string?, byte[]>(KafkaClientConfigs.ForProducer(options, $"{name}-producer")).Build());
    }

    public string Name { get; }

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new KafkaQueueAdapterReceiver(
        Name, queueId, _options, _recordMapper, () => _cache.Release(queueId),
        new DeadLetterWriter(_options.Topics[KafkaQueueMapper.ToTopicPartition(queueId).Topic].DeadLetterTopic, () => _producer.Value, _instruments),
        _serializer, _monitor, _instruments, _loggerFactory.CreateLogger<KafkaQueueAdapterReceiver>());

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new NotSupportedException("Kafka assigns record positions; producing with a sequence token is not supported.");
        }

        var payload = new OrleansEventsPayload
        {
            StreamId = streamId,
            Events = [.. events.Cast<object>()],
            RequestContext = requestContext is { Count: > 0 } ? requestContext : null,
        };
        var (topic, partition) = _queueMapper.GetTopicPartitionForStream(streamId);
        var message = new Message<string?, byte[]>
        {
            Key = streamId.GetKeyAsString(),
            Value = _serializer.SerializeToArray(payload),
            Headers = new Headers { { OrleansEventsPayload.HeaderName, [1] } },
        };
        await _producer.Value.ProduceAsync(new TopicPartition(topic, new Partition(partition)), message).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }
}
