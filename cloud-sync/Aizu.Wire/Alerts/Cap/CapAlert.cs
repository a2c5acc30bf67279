namespace Aizu.Wire;

/// <summary>A parsed and validated CAP 1.1 or 1.2 <c>alert</c> message.</summary>
public sealed record CapAlert
{
    /// <summary>The CAP version the sender wrote (the two differ in nothing this gateway reads).</summary>
    public CapVersion Version { get; init; } = CapVersion.Cap12;

    /// <summary>The <c>identifier</c>, unique per sender.</summary>
    public required string Identifier { get; init; }

    /// <summary>The <c>sender</c>, globally unique.</summary>
    public required string Sender { get; init; }

    /// <summary>The <c>sent</c> time, with the sender's offset.</summary>
    public required DateTimeOffset Sent { get; init; }

    /// <summary>The <c>status</c>.</summary>
    public required CapStatus Status { get; init; }

    /// <summary>The <c>msgType</c>.</summary>
    public required CapMessageType MessageType { get; init; }

    /// <summary>The <c>scope</c>.</summary>
    public required CapScope Scope { get; init; }

    /// <summary>The <c>source</c>, if any.</summary>
    public string? Source { get; init; }

    /// <summary>The <c>restriction</c> (with <see cref="CapScope.Restricted"/>), if any.</summary>
    public string? Restriction { get; init; }

    /// <summary>The <c>addresses</c> (with <see cref="CapScope.Private"/>).</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>The <c>code</c>s (special handling flags).</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>The <c>note</c>, if any.</summary>
    public string? Note { get; init; }

    /// <summary>The <c>references</c>: earlier messages this one updates or cancels.</summary>
    public IReadOnlyList<CapReference> References { get; init; } = [];

    /// <summary>The <c>incidents</c>.</summary>
    public IReadOnlyList<string> Incidents { get; init; } = [];

    /// <summary>The <c>info</c> blocks, normally one per language.</summary>
    public IReadOnlyList<CapInfo> Infos { get; init; } = [];

    /// <summary>True unless <see cref="Status"/> is <see cref="CapStatus.Actual"/>: the panel then shows a permanent test banner.</summary>
    public bool IsTest => Status != CapStatus.Actual;

    /// <summary>The latest <c>expires</c> over all info blocks, or null when any block has none.</summary>
    public DateTimeOffset? Expires =>
        Infos.Count == 0 || Infos.Any(i => i.Expires is null) ? null : Infos.Max(i => i.Expires!.Value);
}
