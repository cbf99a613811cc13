namespace StreamAnalytics.Silo.Health;

/// <summary>A model kind this silo serves, in <c>GET /health</c>.</summary>
/// <param name="Kind">The model kind (<c>rating</c> or <c>face</c>).</param>
/// <param name="Loaded">True when a version is active on this silo.</param>
/// <param name="Version">The active version; null when none is loaded.</param>
public sealed record ModelStatus(string Kind, bool Loaded, string? Version);
