using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Collects the records of one poll that failed mapping and writes them, unchanged, to the topic's dead-letter topic
/// with headers <c>reason</c>, <c>source-topic</c>, <c>source-partition</c> and <c>source-offset</c>.
/// The receiver hands a poll's events to the agent only after <see cref="FlushAsync"/> succeeded, so an offset is
/// never committed past a rejected record that is not safely in the dead-letter topic.
/// </summary>
internal sealed class DeadLetterWriter(string? deadLetterTopic, Func<IProducer<string?, byte[]>> producer, KafkaInstruments instruments)
{
    private readonly List<Message<string?, byte[]>> _pending = [];
    private readonly List<(string SourceTopic, string Reason)> _pendingReasons = [];

    /// <summary>Header naming why the record was rejected.</summary>
    public const string ReasonHeader = "reason";

    /// <summary>True when rejected records are written somewhere rather than only counted.</summary>
    public bool IsEnabled => deadLetterTopic is not null;

    /// <summary>Rejected records waiting for <see cref="FlushAsync"/>.</summary>
    public int Count => _pending.Count;

    public void Add(ConsumeResult<string?, byte[]> record, string reason)
    {
        if (deadLetterTopic is null)
        {
            return;
        }

        var headers = new Headers
        {
            { ReasonHeader, Encoding.UTF8.GetBytes(reason) },
            { "source-topic", Encoding.UTF8.GetBytes(record.Topic) },
            { "source-partition", Encoding.UTF8.GetBytes(record.Partition.Value.ToString(CultureInfo.InvariantCulture)) },
            { "source-offset", Encoding.UTF8.GetBytes(record.Offset.Value.ToString(CultureInfo.InvariantCulture)) },
        };
        _pending.Add(new Message<string?, byte[]> { Key = record.Message.Key, Value = record.Message.Value ?? [], Headers = headers });
        _pendingReasons.Add((record.Topic, reason));
    }

    /// <summary>Writes every pending record and waits for the broker's acknowledgement; false if any write failed.</summary>
    public async Task<bool> FlushAsync()
    {
        if (_pending.Count == 0 || deadLetterTopic is null)
        {
            _pending.Clear();
            _pendingReasons.Clear();
            return true;
        }

        try
        {
            await Task.WhenAll(_pending.Select(m => producer().ProduceAsync(deadLetterTopic, m)));
            // Counted once written: a poll that is read again must not count its rejects twice.
            foreach (var (sourceTopic, reason) in _pendingReasons)
            {
                instruments.DeadLettered(sourceTopic, reason);
            }

            return true;
        }
        catch (KafkaException)
        {
            // A rejected record or any other client failure: the poll is read again, never skipped.
            return false;
        }
        finally
        {
            _pending.Clear();
            _pendingReasons.Clear();
        }
    }
}
