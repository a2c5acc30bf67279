namespace Aizu.Panel;

/// <summary>Whether anything may leave the gateway, in <c>GET /api/status</c> (present only when a city link is configured).</summary>
/// <param name="Sending">False while egress is stopped.</param>
/// <param name="StoppedBecause">Why, in one sentence, or null.</param>
/// <param name="WhatToDo">What the household does about it, or null.</param>
internal sealed record PanelEgressStatus(
    bool Sending,
    string? StoppedBecause,
    string? WhatToDo)
{
    /// <summary>Data windows waiting to be sent, or null when the file could not be read.</summary>
    public int? OutboxPending { get; init; }

    /// <summary>The most data windows that may wait (<c>Aizu:Egress:OutboxMaxPending</c>), or null as above.</summary>
    public int? OutboxMaxPending { get; init; }

    /// <summary>Windows dropped, oldest first, to keep within that budget (they never left the home), or null as above.</summary>
    public long? OutboxDroppedOverBudget { get; init; }

    /// <summary>When windows were last dropped over the budget, or null.</summary>
    public DateTimeOffset? LastOutboxDropAt { get; init; }
}
