using StreamAnalytics.Abstractions.Features;

namespace StreamAnalytics.Abstractions.Grains;

/// <summary>One user's features, kept from the <c>user</c>/{userId} stream. Keyed by user id.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>The user's features, or <see langword="null"/> when no event of the user was applied.</summary>
    Task<UserFeaturesView?> GetFeatures();
}
