using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>Creates the Kafka adapter, its queue mapper and cache for one named provider.</summary>
internal sealed class KafkaAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly KafkaStreamOptions _options;
    private readonly IKafkaRecordMapper _recordMapper;
    private readonly Serializer _serializer;
    private readonly KafkaConsumerLagMonitor _monitor;
    private readonly KafkaInstruments _instruments;
    private readonly ILoggerFactory _loggerFactory;
    private readonly KafkaQueueMapper _queueMapper;
    private readonly KafkaQueueAdapterCache _cache;

    public KafkaAdapterFactory(
        string name,
        KafkaStreamOptions options,
        IKafkaRecordMapper recordMapper,
        Serializer serializer,
        KafkaConsumerLagMonitor monitor,
        KafkaInstruments instruments,
        ILoggerFactory loggerFactory)
    {
        _name = name;
        _options = options;
        _recordMapper = recordMapper;
        _serializer = serializer;
        _monitor = monitor;
        _instruments = instruments;
        _loggerFactory = loggerFactory;
        _queueMapper = new KafkaQueueMapper(options);
        _cache = new KafkaQueueAdapterCache(options.CacheSize);
    }

    public static KafkaAdapterFactory Create(IServiceProvider services, string name)
    {
        var options = services.GetOptionsByName<KafkaStreamOptions>(name);
        var mapper = services.GetKeyedService<IKafkaRecordMapper>(name) ?? new KeyFieldRecordMapper(options);
        return ActivatorUtilities.CreateInstance<KafkaAdapterFactory>(services, name, options, mapper);
    }

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(
        new KafkaAdapter(_name, _options, _queueMapper, _recordMapper, _cache, _serializer, _monitor, _instruments, _loggerFactory));

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _queueMapper;

    // A delivery that still fails after the agent's retries is given up on, as Orleans' own providers do;
    // its offset is still committed because the cache purges it, so a poison event cannot stall a partition.
    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());
}
