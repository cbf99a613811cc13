using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Grains.Features;

/// <summary>Features of one entity, folded from its interactions one at a time.</summary>
/// <typeparam name="TView">The snapshot the API returns.</typeparam>
public interface IInteractionFeatures<out TView>
{
    /// <summary>Interactions applied so far.</summary>
    long EventsApplied { get; }

    /// <summary>Folds one interaction in; the caller applies each event once.</summary>
    void Apply(InteractionEvent interaction);

    /// <summary>A snapshot for the API.</summary>
    TView Snapshot();
}
