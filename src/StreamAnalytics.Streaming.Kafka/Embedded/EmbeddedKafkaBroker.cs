using System.Runtime.InteropServices;
using System.Text;

namespace StreamAnalytics.Streaming.Kafka.Embedded;

/// <summary>
/// An in-process Kafka-protocol broker for development and tests: librdkafka's mock cluster, listening on
/// ephemeral loopback ports that any Kafka client (other processes, <c>kcat</c>) can reach through
/// <see cref="BootstrapServers"/>. Data lives in memory and each partition keeps only about 5 MB, so size
/// partition counts to the data of a run. It is not a production broker: docker-compose runs Apache Kafka.
/// </summary>
public sealed class EmbeddedKafkaBroker : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _topics = new(StringComparer.Ordinal);
    private nint _handle;
    private readonly nint _cluster;

    private EmbeddedKafkaBroker(nint handle, nint cluster, int brokerCount)
    {
        _handle = handle;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMock.MockClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster reported no bootstrap address.");
    }

    /// <summary>The comma-separated <c>host:port</c> list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    /// <summary>How many brokers the cluster runs.</summary>
    public int BrokerCount { get; }

    /// <summary>The topics created through <see cref="CreateTopic"/>, with their partition counts.</summary>
    public IReadOnlyDictionary<string, int> Topics
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_topics, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Starts a mock cluster of <paramref name="brokerCount"/> brokers (default 3).</summary>
    public static EmbeddedKafkaBroker Start(int brokerCount = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        var error = new byte[512];
        var conf = LibrdkafkaMock.ConfNew();
        if (LibrdkafkaMock.ConfSet(conf, "test.mock.num.brokers", brokerCount.ToString(System.Globalization.CultureInfo.InvariantCulture), error, (nuint)error.Length) != 0
            || LibrdkafkaMock.ConfSet(conf, "log_level", "3", error, (nuint)error.Length) != 0)
        {
            LibrdkafkaMock.ConfDestroy(conf);
            throw new InvalidOperationException($"Configuring the embedded broker failed: {ReadError(error)}");
        }

        // rd_kafka_new takes ownership of conf, also when it fails.
        var handle = LibrdkafkaMock.KafkaNew(LibrdkafkaMock.ProducerType, conf, error, (nuint)error.Length);
        if (handle == 0)
        {
            throw new InvalidOperationException($"Starting the embedded broker failed: {ReadError(error)}");
        }

        var cluster = LibrdkafkaMock.HandleMockCluster(handle);
        if (cluster == 0)
        {
            LibrdkafkaMock.KafkaDestroy(handle);
            throw new InvalidOperationException("librdkafka started without a mock cluster; is test.mock.num.brokers supported by this build?");
        }

        return new EmbeddedKafkaBroker(handle, cluster, brokerCount);
    }

    /// <summary>
    /// Creates <paramref name="topic"/> with <paramref name="partitions"/> partitions, replicated to every broker
    /// (at most 3). Creating a topic that exists with the same partition count does nothing.
    /// (The admin API's CreateTopics does not work against the mock cluster, hence this call.)
    /// </summary>
    public void CreateTopic(string topic, int partitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            if (_topics.TryGetValue(topic, out var existing))
            {
                if (existing != partitions)
                {
                    throw new InvalidOperationException($"Topic '{topic}' already exists with {existing} partitions, not {partitions}.");
                }

                return;
            }

            var result = LibrdkafkaMock.MockTopicCreate(_cluster, topic, partitions, Math.Min(BrokerCount, 3));
            if (result != 0)
            {
                throw new InvalidOperationException(
                    $"Creating topic '{topic}' on the embedded broker failed: {Marshal.PtrToStringUTF8(LibrdkafkaMock.ErrorToString(result))}");
            }

            _topics[topic] = partitions;
        }
    }

    /// <summary>Stops the brokers; clients connected to them see the connection drop.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_handle != 0)
            {
                LibrdkafkaMock.KafkaDestroy(_handle);
                _handle = 0;
            }
        }
    }

    private static string ReadError(byte[] error)
    {
        var length = Array.IndexOf(error, (byte)0);
        return Encoding.UTF8.GetString(error, 0, length < 0 ? error.Length : length);
    }
}
