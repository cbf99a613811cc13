using System.Diagnostics.CodeAnalysis;

namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>
/// What <see cref="InteractionEventParser"/> made of one record: either the <see cref="Event"/> or the
/// <see cref="Reason"/> it was rejected (one of <see cref="InteractionRejectReasons"/>).
/// </summary>
public sealed class InteractionParseResult
{
    private InteractionParseResult(InteractionEvent? interaction, string? reason)
    {
        Event = interaction;
        Reason = reason;
    }

    /// <summary>The accepted event, or <see langword="null"/> when the record was rejected.</summary>
    public InteractionEvent? Event { get; }

    /// <summary>Why the record was rejected, or <see langword="null"/> when it was accepted.</summary>
    public string? Reason { get; }

    /// <summary>Whether the record was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsValid => Event is not null;

    /// <summary>An accepted record.</summary>
    public static InteractionParseResult Accepted(InteractionEvent interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new InteractionParseResult(interaction, null);
    }

    /// <summary>A rejected record.</summary>
    public static InteractionParseResult Rejected(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new InteractionParseResult(null, reason);
    }

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"accepted {Event.EventId}" : $"rejected: {Reason}";
}
