using Confluent.Kafka;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains.Training;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Silo.Cluster;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Silo.Training.Store;

/// <summary>
/// On trainer silos: feeds the <see cref="RatingTrainingStore"/> from every partition of <c>interactions</c> under
/// the store's own consumer group (<see cref="TrainingOptions.StoreConsumerGroup"/>), parsing records with the
/// provider's parser and skipping the ones it rejects (the provider already sends those to the dead-letter topic).
/// Every <see cref="TrainingOptions.StoreSaveInterval"/> it writes the store to disk and only then commits the read
/// offsets, so a crash loses at most the unsaved interval, which is read again; the store's own per-partition offsets
/// keep a record that was saved but not committed from being counted twice.
/// </summary>
internal sealed partial class RatingStoreConsumer(
    RatingTrainingStore store,
    RatingStoreFile file,
    InteractionEventParser parser,
    LocalSiloRoles roles,
    IOptions<TrainingOptions> options,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<RatingStoreConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        roles.Roles.Contains(SiloRoles.Trainer)
            // Confluent's Consume blocks its thread: keep it off the host's start-up path and the pool, below requests.
            ? BackgroundWork.RunAsync(() => RunLogged(stoppingToken), stoppingToken)
            : Task.CompletedTask;

    // A failing store must not stop the host (a faulted background service does by default): the silo keeps serving,
    // and only rating retraining lacks new data.
    private void RunLogged(CancellationToken stoppingToken)
    {
        try
        {
            Run(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogStopped(e);
        }
    }

    private void Run(CancellationToken stoppingToken)
    {
        Load();
        var settings = options.Value;
        // The provider's own settings (bootstrap servers, client properties, the topic's partitions), read as it reads them.
        var kafka = configuration.GetSection(KafkaStreamOptions.SectionName).Get<KafkaStreamOptions>() ?? new KafkaStreamOptions();
        var partitions = kafka.Topics.TryGetValue(TopicNames.Interactions, out var topic) ? topic.Partitions : 0;
        if (partitions == 0)
        {
            LogNoTopic(TopicNames.Interactions);
            return;
        }

        using var consumer = new ConsumerBuilder<string?, byte[]>(ConsumerConfig(settings, kafka)).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => StartAt(consumer, p)));
        LogStarted(partitions, settings.StoreConsumerGroup ?? "", file.Path);
        var dirty = false;
        var nextSave = clock.GetUtcNow() + settings.StoreSaveInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } record)
                    {
                        Apply(record);
                        dirty = true;
                    }
                }
                catch (ConsumeException e)
                {
                    // librdkafka retries on its own; the record is read again once the broker answers.
                    LogConsumeFailed(e, e.Error.Reason);
                }

                if (dirty && clock.GetUtcNow() >= nextSave)
                {
                    dirty = !Persist(consumer, partitions);
                    nextSave = clock.GetUtcNow() + settings.StoreSaveInterval;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (dirty)
            {
                Persist(consumer, partitions);
            }

            consumer.Close();
        }
    }

    private static ConsumerConfig ConsumerConfig(TrainingOptions settings, KafkaStreamOptions kafka) =>
        new(new Dictionary<string, string>(kafka.ClientProperties))
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = settings.StoreConsumerGroup,
            ClientId = "training-store",
            // Offsets are committed by hand, after the store is on disk.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
        };

    private void Load()
    {
        try
        {
            if (file.Load() is { } snapshot)
            {
                store.Restore(snapshot);
                LogLoaded(snapshot.Ratings.Count, file.Path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            // A store that cannot be read is rebuilt from the topic; training waits for enough data meanwhile.
            LogUnreadable(e, file.Path);
        }
    }

    // Resume after what the store has applied; a partition it never read starts at the group's committed offset (or
    // the earliest). A saved offset beyond the partition's end means the log was reset (a fresh embedded broker), so
    // that partition is read from its start again.
    private TopicPartitionOffset StartAt(IConsumer<string?, byte[]> consumer, int partition)
    {
        var topicPartition = new TopicPartition(TopicNames.Interactions, partition);
        if (store.NextOffset(partition) is not { } next)
        {
            return new TopicPartitionOffset(topicPartition, Offset.Stored);
        }

        long end;
        try
        {
            end = consumer.QueryWatermarkOffsets(topicPartition, TimeSpan.FromSeconds(10)).High.Value;
        }
        catch (KafkaException e)
        {
            // Without the partition's end a reset log cannot be told apart: resume where the store stopped.
            LogNoWatermarks(e, partition);
            return new TopicPartitionOffset(topicPartition, next);
        }

        if (next <= end)
        {
            return new TopicPartitionOffset(topicPartition, next);
        }

        LogLogReset(partition, next, end);
        store.ResetPartition(partition);
        return new TopicPartitionOffset(topicPartition, Offset.Beginning);
    }

    private void Apply(ConsumeResult<string?, byte[]> record)
    {
        var parsed = parser.Parse(record.Message.Value);
        if (parsed.Event is { } interaction)
        {
            store.Add(interaction, record.Partition.Value, record.Offset.Value);
        }
        else
        {
            store.Skip(record.Partition.Value, record.Offset.Value);
        }
    }

    private bool Persist(IConsumer<string?, byte[]> consumer, int partitions)
    {
        try
        {
            file.Save(store.ToSnapshot());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(e, file.Path);
            return false;
        }

        long? lag = null;
        var read = Enumerable.Range(0, partitions)
            .Select(p => (Partition: p, Next: store.NextOffset(p)))
            .Where(p => p.Next is not null)
            .Select(p => new TopicPartitionOffset(TopicNames.Interactions, p.Partition, p.Next!.Value))
            .ToList();
        try
        {
            if (read.Count > 0)
            {
                consumer.Commit(read);
            }

            // The watermarks the consumer caches from its fetches: no broker round trip.
            lag = read.Sum(p => Math.Max(0, consumer.GetWatermarkOffsets(p.TopicPartition).High.Value - p.Offset.Value));
        }
        catch (KafkaException e)
        {
            // The store is on disk with its own offsets, so a failed commit only means a restart re-reads (and skips) more.
            LogCommitFailed(e);
        }

        store.MarkPersisted(clock.GetUtcNow(), lag);
        return true;
    }

    [LoggerMessage(1, LogLevel.Information, "Rating training store: reading {Partitions} partitions of interactions as group {Group}; saved to {Path}.")]
    private partial void LogStarted(int partitions, string group, string path);

    [LoggerMessage(2, LogLevel.Information, "Rating training store: {Ratings} ratings reloaded from {Path}.")]
    private partial void LogLoaded(int ratings, string path);

    [LoggerMessage(3, LogLevel.Warning, "Rating training store: {Path} cannot be read; the store starts empty.")]
    private partial void LogUnreadable(Exception exception, string path);

    [LoggerMessage(4, LogLevel.Warning, "Rating training store: saved offset {Next} of partition {Partition} is past its end ({End}); the log was reset, reading it from the start.")]
    private partial void LogLogReset(int partition, long next, long end);

    [LoggerMessage(5, LogLevel.Error, "Rating training store: writing {Path} failed; offsets stay uncommitted.")]
    private partial void LogSaveFailed(Exception exception, string path);

    [LoggerMessage(6, LogLevel.Warning, "Rating training store: committing offsets failed.")]
    private partial void LogCommitFailed(Exception exception);

    [LoggerMessage(9, LogLevel.Error, "Rating training store: stopped reading interactions; rating retraining gets no new data until the silo restarts.")]
    private partial void LogStopped(Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Rating training store: the end of partition {Partition} is unknown; resuming at the saved offset.")]
    private partial void LogNoWatermarks(Exception exception, int partition);

    [LoggerMessage(8, LogLevel.Warning, "Rating training store: reading interactions failed: {Reason}")]
    private partial void LogConsumeFailed(Exception exception, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Rating training store: topic {Topic} is not configured under Kafka:Topics; the store stays empty.")]
    private partial void LogNoTopic(string topic);
}
