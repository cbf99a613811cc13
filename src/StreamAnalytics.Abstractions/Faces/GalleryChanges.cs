namespace StreamAnalytics.Abstractions.Faces;

/// <summary>What changed in the identity directory after a version a silo's gallery has applied.</summary>
/// <param name="Version">The directory's version now; ask for changes since it next time.</param>
/// <param name="Reset">True when the changes asked for are no longer all known (removals are remembered for a bounded
/// while): <paramref name="Changed"/> then lists every enrolled identity, and the gallery drops everyone else.</param>
/// <param name="Changed">Identities enrolled or given new faces since the version asked for.</param>
/// <param name="Removed">Identities deleted since the version asked for.</param>
[GenerateSerializer, Immutable]
public sealed record GalleryChanges(
    [property: Id(0)] long Version,
    [property: Id(1)] bool Reset,
    [property: Id(2)] IReadOnlyList<string> Changed,
    [property: Id(3)] IReadOnlyList<string> Removed);
