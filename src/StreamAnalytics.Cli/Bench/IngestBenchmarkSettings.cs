namespace StreamAnalytics.Cli.Bench;

/// <summary>What <c>sa bench ingest</c> measures.</summary>
/// <param name="Records">Records produced and then ingested; defaults to 200,000.</param>
/// <param name="Partitions">Partitions of the benchmark topic; defaults to 8.</param>
/// <param name="Keys">Distinct stream keys, spread uniformly; defaults to 1,000.</param>
/// <param name="PollBatchSize">The provider's <c>PollBatchSize</c>; defaults to the provider's default.</param>
internal sealed record IngestBenchmarkSettings(int Records, int Partitions, int Keys, int PollBatchSize)
{
    // The embedded broker keeps about 5 MB per partition; a benchmark record is about 100 bytes.
    private const int MaxRecordsPerPartition = 40_000;

    /// <summary>A sentence naming the first invalid setting, or null.</summary>
    public string? Validate() =>
        Records < 1 ? "--records must be at least 1."
        : Partitions is < 1 or > 256 ? "--partitions must be between 1 and 256."
        : Keys < 1 ? "--keys must be at least 1."
        : PollBatchSize is < 1 or > 100_000 ? "--poll-batch must be between 1 and 100000."
        : Records / Partitions > MaxRecordsPerPartition
            ? $"--records {Records} over {Partitions} partitions exceeds what the embedded broker keeps ({MaxRecordsPerPartition:N0} per partition); add partitions."
            : null;
}
