using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Grains.Features;
using StreamAnalytics.Grains.Streaming;

namespace StreamAnalytics.Grains;

/// <summary>Keeps one user's features from the <c>user</c>/{userId} stream.</summary>
[ImplicitStreamSubscription(StreamNames.UserNamespace)]
public sealed class UserGrain([PersistentState("user")] IPersistentState<FeatureState<UserFeatures>> state, FeatureInstruments instruments)
    : FeatureGrain<UserFeatures, UserFeaturesView>(state, instruments), IUserGrain
{
    protected override string StreamNamespace => StreamNames.UserNamespace;
}
