using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Grains.Ratings;

/// <summary>
/// Other grains' rating contexts, kept per silo for at most <see cref="RatingServingOptions.ContextMaxAge"/>, so that
/// scoring a stream of events costs one grain call per product (or user) per interval rather than one per event.
/// Bounded: past <see cref="MaxEntries"/> entries it starts over.
/// </summary>
public sealed class RatingContextCache(IGrainFactory grains, IOptions<RatingServingOptions> options)
{
    /// <summary>Entries kept per kind before the cache is cleared: 100,000.</summary>
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry<ProductRatingContext>> _products = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<UserRatingContext>> _users = new(StringComparer.Ordinal);
    private Entry<IReadOnlyList<CandidateProduct>>? _candidates;

    /// <summary>The product's context, fetched when missing or older than the maximum age.</summary>
    public Task<ProductRatingContext> ProductAsync(string productId) =>
        Get(_products, productId, id => grains.GetGrain<IProductGrain>(id).GetRatingContext());

    /// <summary>The user's context, fetched when missing or older than the maximum age.</summary>
    public Task<UserRatingContext> UserAsync(string userId) =>
        Get(_users, userId, id => grains.GetGrain<IUserGrain>(id).GetRatingContext());

    /// <summary>The recommendation candidates, fetched when older than the maximum age.</summary>
    public Task<IReadOnlyList<CandidateProduct>> CandidatesAsync()
    {
        var entry = Volatile.Read(ref _candidates);
        if (entry is null || entry.IsOlderThan(options.Value.ContextMaxAge) || entry.Value.IsFaulted)
        {
            entry = new Entry<IReadOnlyList<CandidateProduct>>(grains.GetGrain<ICandidateProductsGrain>(ICandidateProductsGrain.Key).GetCandidates());
            Volatile.Write(ref _candidates, entry);
        }

        return entry.Value;
    }

    private Task<T> Get<T>(ConcurrentDictionary<string, Entry<T>> entries, string id, Func<string, Task<T>> fetch)
    {
        if (entries.TryGetValue(id, out var entry) && !entry.IsOlderThan(options.Value.ContextMaxAge) && !entry.Value.IsFaulted)
        {
            return entry.Value;
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entry = new Entry<T>(fetch(id));
        entries[id] = entry;
        return entry.Value;
    }

    private sealed class Entry<T>(Task<T> value)
    {
        private readonly long _fetched = Stopwatch.GetTimestamp();

        public Task<T> Value { get; } = value;

        public bool IsOlderThan(TimeSpan age) => Stopwatch.GetElapsedTime(_fetched) > age;
    }
}
