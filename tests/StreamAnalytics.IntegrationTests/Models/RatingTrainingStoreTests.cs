using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains.Features;
using StreamAnalytics.Silo.Training.Store;

namespace StreamAnalytics.IntegrationTests.Models;

public sealed class RatingTrainingStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Past_its_retention_the_store_drops_its_oldest_ratings_first()
    {
        var store = new RatingTrainingStore(retention: 100);

        for (var i = 0; i < 150; i++)
        {
            store.Add(Rating($"u{i}", i), partition: 0, offset: i);
        }

        var capture = store.Capture();
        Assert.Equal(100, capture.Examples.Count);
        Assert.Equal(150, capture.Ingested);
        Assert.Equal("u50", capture.Examples[0].UserId);
        Assert.Equal(T0.AddMinutes(50), store.Stats().OldestEventTime);
        Assert.Equal(T0.AddMinutes(149), store.Stats().NewestEventTime);
    }

    [Fact]
    public void A_record_read_again_at_an_applied_offset_is_not_counted_twice()
    {
        var store = new RatingTrainingStore(retention: 100);
        Assert.True(store.Add(Rating("u1", 0), partition: 3, offset: 7));

        Assert.False(store.Add(Rating("u1", 0), partition: 3, offset: 7));
        Assert.True(store.Add(Rating("u2", 1), partition: 4, offset: 7));
        Assert.Equal(2, store.Capture().Examples.Count);
        Assert.Equal(8, store.NextOffset(3));
    }

    [Fact]
    public void New_ratings_count_from_the_last_training()
    {
        var store = new RatingTrainingStore(retention: 100);
        for (var i = 0; i < 5; i++)
        {
            store.Add(Rating("u1", i), 0, i);
        }

        store.MarkTrained(store.Capture().Ingested);
        store.Add(Rating("u1", 5), 0, 5);

        Assert.Equal(1, store.Capture().NewSinceTraining);
        Assert.Equal(1, store.Stats().NewSinceTraining);
    }

    [Fact]
    public void A_store_saved_to_its_file_and_loaded_again_resumes_its_examples_offsets_and_features()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"sa-rating-store-{Guid.NewGuid():N}");
        try
        {
            using var services = new ServiceCollection()
                .AddSerializer(s => s.AddAssembly(typeof(RatingStoreSnapshot).Assembly).AddAssembly(typeof(UserFeatures).Assembly))
                .BuildServiceProvider();
            var file = new RatingStoreFile(directory, services.GetRequiredService<Serializer<RatingStoreSnapshot>>());
            var store = new RatingTrainingStore(retention: 100);
            store.Add(Rating("u1", 0), 0, 0);
            store.Add(Rating("u1", 1), 0, 1);
            store.MarkTrained(1);
            file.Save(store.ToSnapshot());

            var restored = new RatingTrainingStore(retention: 100);
            restored.Restore(file.Load()!);
            store.Add(Rating("u1", 2), 0, 2);
            restored.Add(Rating("u1", 2), 0, 2);

            Assert.Equal(3, restored.Capture().Examples.Count);
            Assert.Equal(2, restored.Capture().NewSinceTraining);
            // The user's features came back: the third rating sees the two before it, as in the store that never stopped.
            Assert.Equal(store.Capture().Examples[2].Features, restored.Capture().Examples[2].Features);
            Assert.False(restored.Add(Rating("u1", 1), 0, 1));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_store_without_a_file_loads_nothing()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var file = new RatingStoreFile(Path.Combine(Path.GetTempPath(), $"sa-missing-{Guid.NewGuid():N}"), services.GetRequiredService<Serializer<RatingStoreSnapshot>>());

        Assert.Null(file.Load());
    }

    private static InteractionEvent Rating(string user, int minute) => new()
    {
        EventId = $"{user}-{minute}",
        UserId = user,
        ProductId = "p1",
        Type = InteractionType.Rating,
        Timestamp = T0.AddMinutes(minute),
        Rating = 1 + (minute % 5),
    };
}
