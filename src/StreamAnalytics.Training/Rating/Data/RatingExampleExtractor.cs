using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Grains.Features;

namespace StreamAnalytics.Training.Rating.Data;

/// <summary>
/// Point-in-time training examples from interaction events: the events are replayed in event-time order through the
/// same <see cref="UserFeatures"/> and <see cref="ProductFeatures"/> the grains keep, and every event that carries a
/// rating (types <c>rating</c> and <c>review</c>) becomes an example whose features are the user's and product's
/// views <b>before</b> that event is applied, so a rating never leaks into its own features; the event is applied
/// afterwards. An entity with no earlier event gets a null view (the "never seen" features).
/// </summary>
public sealed class RatingExampleExtractor
{
    private readonly Dictionary<string, UserFeatures> _users;
    private readonly Dictionary<string, ProductFeatures> _products;
    private readonly bool _requireEventTimeOrder;
    private DateTimeOffset? _last;

    /// <summary>An extractor for events in event-time order (<see cref="Next"/> throws on an earlier event).</summary>
    public RatingExampleExtractor()
        : this(requireEventTimeOrder: true, users: null, products: null)
    {
    }

    private RatingExampleExtractor(bool requireEventTimeOrder, IReadOnlyDictionary<string, UserFeatures>? users, IReadOnlyDictionary<string, ProductFeatures>? products)
    {
        _requireEventTimeOrder = requireEventTimeOrder;
        _users = users is null ? new(StringComparer.Ordinal) : new(users, StringComparer.Ordinal);
        _products = products is null ? new(StringComparer.Ordinal) : new(products, StringComparer.Ordinal);
    }

    /// <summary>The features of every user seen so far, by id (the extractor's state, e.g. to persist it).</summary>
    public IReadOnlyDictionary<string, UserFeatures> Users => _users;

    /// <summary>The features of every product seen so far, by id.</summary>
    public IReadOnlyDictionary<string, ProductFeatures> Products => _products;

    /// <summary>
    /// An extractor for a live feed, taking events in arrival order as the grains do: an example's features are then
    /// what serving would have read at that moment, which is what a model retrained on a live feed should learn from.
    /// Starts from <paramref name="users"/> and <paramref name="products"/> (a persisted <see cref="Users"/> and
    /// <see cref="Products"/>), or from nothing when null.
    /// </summary>
    public static RatingExampleExtractor InArrivalOrder(
        IReadOnlyDictionary<string, UserFeatures>? users = null, IReadOnlyDictionary<string, ProductFeatures>? products = null) =>
        new(requireEventTimeOrder: false, users, products);

    /// <summary>
    /// Examples from events in any order: they are sorted by event time first (a stable sort, so ties keep their input
    /// order). Holds every event in memory; use <see cref="ExtractOrdered"/> for a long feed already in order.
    /// </summary>
    public static IReadOnlyList<RatingExample> Extract(IEnumerable<InteractionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return [.. ExtractOrdered(events.OrderBy(e => e.Timestamp))];
    }

    /// <summary>
    /// Examples from events already in event-time order, streamed (constant memory besides the features).
    /// </summary>
    /// <exception cref="ArgumentException">An event is earlier than the one before it.</exception>
    public static IEnumerable<RatingExample> ExtractOrdered(IEnumerable<InteractionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var extractor = new RatingExampleExtractor();
        foreach (var interaction in events)
        {
            if (extractor.Next(interaction) is { } example)
            {
                yield return example;
            }
        }
    }

    /// <summary>
    /// Folds one event in (in event-time order unless made with <see cref="InArrivalOrder"/>); returns its example
    /// when it carries a rating, built from the features before the event.
    /// </summary>
    /// <exception cref="ArgumentException">The event is earlier than the one before it (event-time order only).</exception>
    public RatingExample? Next(InteractionEvent interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (_requireEventTimeOrder && _last is { } last && interaction.Timestamp < last)
        {
            throw new ArgumentException($"Event {interaction.EventId} at {interaction.Timestamp:O} is earlier than the previous event at {last:O}: events must be in event-time order.", nameof(interaction));
        }

        _last = interaction.Timestamp;
        var user = _users.GetValueOrDefault(interaction.UserId);
        var product = _products.GetValueOrDefault(interaction.ProductId);
        RatingExample? example = null;
        if (interaction.Type is InteractionType.Rating or InteractionType.Review && interaction.Rating is { } rating)
        {
            var features = RatingFeatureVector.Create(user?.ToView(), product?.ToView());
            example = new RatingExample(interaction.UserId, interaction.ProductId, interaction.Timestamp, features, (float)rating);
        }

        UserOf(interaction.UserId, user).Apply(interaction);
        ProductOf(interaction.ProductId, product).Apply(interaction);
        return example;
    }

    private UserFeatures UserOf(string id, UserFeatures? known)
    {
        if (known is not null)
        {
            return known;
        }

        var created = new UserFeatures();
        _users[id] = created;
        return created;
    }

    private ProductFeatures ProductOf(string id, ProductFeatures? known)
    {
        if (known is not null)
        {
            return known;
        }

        var created = new ProductFeatures();
        _products[id] = created;
        return created;
    }
}
