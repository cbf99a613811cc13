using StreamAnalytics.Abstractions.Models;

namespace StreamAnalytics.Grains.Models;

/// <summary>A model kind's registry, as stored: every version's description and the active pointer. The bytes are stored
/// apart, one <see cref="IModelBlobGrain"/> per version, so this state stays small.</summary>
[GenerateSerializer]
public sealed class ModelRegistryState
{
    /// <summary>Every version, oldest first (numbers 1, 2, ...).</summary>
    [Id(0)]
    public List<ModelVersionInfo> Versions { get; set; } = [];

    /// <summary>The active version's number; 0 before the first activation.</summary>
    [Id(1)]
    public int Active { get; set; }
}
