using System.Reflection;
using System.Runtime.InteropServices;

namespace StreamAnalytics.Streaming.Kafka.Embedded;

/// <summary>
/// P/Invoke declarations for the parts of librdkafka's mock cluster API that Confluent.Kafka does not expose.
/// The native library is the one shipped with Confluent.Kafka (package librdkafka.redist).
/// </summary>
internal static partial class LibrdkafkaMock
{
    private const string Library = "librdkafka";

    static LibrdkafkaMock() => NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaMock).Assembly, Resolve);

    public const int ProducerType = 0;

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_new")]
    public static partial nint ConfNew();

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ConfSet(nint conf, string name, string value, byte[] errorText, nuint errorTextSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_destroy")]
    public static partial void ConfDestroy(nint conf);

    [LibraryImport(Library, EntryPoint = "rd_kafka_new")]
    public static partial nint KafkaNew(int type, nint conf, byte[] errorText, nuint errorTextSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_destroy")]
    public static partial void KafkaDestroy(nint handle);

    [LibraryImport(Library, EntryPoint = "rd_kafka_handle_mock_cluster")]
    public static partial nint HandleMockCluster(nint handle);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial nint MockClusterBootstraps(nint cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MockTopicCreate(nint cluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(Library, EntryPoint = "rd_kafka_err2str")]
    public static partial nint ErrorToString(int error);

    // Confluent.Kafka ships several builds of librdkafka; on glibc systems without libsasl2.so.3 (Debian 12) only
    // the centos8 build loads. Try them in the order Confluent.Kafka itself does.
    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return 0;
        }

        string[] candidates = ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"];
        var folders = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native"),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            AppContext.BaseDirectory,
        };
        foreach (var folder in folders)
        {
            foreach (var candidate in candidates)
            {
                if (NativeLibrary.TryLoad(Path.Combine(folder, candidate), out var handle))
                {
                    return handle;
                }
            }
        }

        return NativeLibrary.TryLoad("librdkafka.so.1", out var system) ? system : 0;
    }
}
