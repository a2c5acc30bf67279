namespace Aizu.Panel;

/// <summary>Whether anything may leave the gateway, in <c>GET /api/status</c> (present only when a city link is configured).</summary>
/// <param name="Sending">False while egress is stopped.</param>
/// <param name="StoppedBecause">Why, in one sentence, or null.</param>
/// <param name="WhatToDo">What the household does about it, or null.</param>
internal sealed record PanelEgressStatus(
    bool Sending,
    string? StoppedBecause,
    string? WhatToDo);
