namespace StreamAnalytics.Grains.Training;

/// <summary>
/// What a silo does, published in its Orleans silo metadata under <see cref="MetadataKey"/> so placement can see it:
/// <c>worker</c> (serves: features, predictions, cameras) and/or <c>trainer</c> (retrains models). A cluster serves
/// without a trainer; it only cannot retrain.
/// </summary>
public static class SiloRoles
{
    /// <summary>The silo metadata key: <c>sa.roles</c>, a comma-separated list.</summary>
    public const string MetadataKey = "sa.roles";

    /// <summary>Serves.</summary>
    public const string Worker = "worker";

    /// <summary>Retrains models; only trainer silos host the trainer grains.</summary>
    public const string Trainer = "trainer";

    /// <summary>Parses <c>worker</c>, <c>trainer</c> or <c>worker,trainer</c> (any case, any order); throws naming the bad
    /// part otherwise.</summary>
    public static IReadOnlySet<string> Parse(string roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var parsed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var part in roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var role = part.ToLowerInvariant();
            if (role is not (Worker or Trainer))
            {
                throw new ArgumentException($"'{part}' is not a silo role: use {Worker}, {Trainer} or {Worker},{Trainer}.", nameof(roles));
            }

            parsed.Add(role);
        }

        if (parsed.Count == 0)
        {
            throw new ArgumentException($"A silo needs a role: {Worker}, {Trainer} or {Worker},{Trainer}.", nameof(roles));
        }

        return parsed;
    }

    /// <summary>Whether a silo's <see cref="MetadataKey"/> metadata value names the worker role.</summary>
    public static bool IsWorker(string? metadataValue) =>
        metadataValue is not null && metadataValue.Split(',').Contains(Worker, StringComparer.Ordinal);

    /// <summary>Whether a silo's metadata value names the trainer role.</summary>
    public static bool IsTrainer(string? metadataValue) =>
        metadataValue is not null && metadataValue.Split(',').Contains(Trainer, StringComparer.Ordinal);
}
