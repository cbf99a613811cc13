using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

public sealed class InferenceBatcherOptionsTests
{
    [Fact]
    public void The_defaults_are_batch_32_delay_2_ms_queue_1024_one_batch_at_a_time()
    {
        var options = new InferenceBatcherOptions();

        options.Validate();
        Assert.Equal(32, options.MaxBatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(2), options.MaxQueueDelay);
        Assert.Equal(1024, options.QueueCapacity);
        Assert.Equal(1, options.MaxConcurrentBatches);
    }

    [Theory]
    [InlineData(0, 2, 1024, 1, "MaxBatchSize")]
    [InlineData(32, -1, 1024, 1, "MaxQueueDelay")]
    [InlineData(32, 2, 16, 1, "QueueCapacity")]
    [InlineData(32, 2, 1024, 0, "MaxConcurrentBatches")]
    public void A_setting_out_of_range_is_named(int maxBatchSize, int delayMilliseconds, int queueCapacity, int maxConcurrentBatches, string setting)
    {
        var options = new InferenceBatcherOptions
        {
            MaxBatchSize = maxBatchSize,
            MaxQueueDelay = TimeSpan.FromMilliseconds(delayMilliseconds),
            QueueCapacity = queueCapacity,
            MaxConcurrentBatches = maxConcurrentBatches,
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.StartsWith(setting, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new InferenceBatcher<int, int>((_, _) => default, options));
    }
}
