namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/status</c>.</summary>
internal sealed record PanelStatus(
    long? ReadingsStored,
    DateTimeOffset? LastReadingAt,
    bool MeterLinkUp,
    long RejectedClock,
    long RejectedFuture,
    long StoreErrors,
    string? StoreProblem,
    long LiveDrops,
    IReadOnlyList<PanelSourceStatus> Sources,
    string Version)
{
    /// <summary>The store's disk budget and damaged-data counters; the panel shows a banner unless the state is <c>ok</c>.</summary>
    public PanelStorageStatus? Storage { get; init; }

    /// <summary>Whether anything may leave; null when no city link is configured. The panel shows a banner while sending is stopped.</summary>
    public PanelEgressStatus? Egress { get; init; }

    /// <summary>Readings refused because the system clock stepped back into time already stored.</summary>
    public long RejectedInsideStoredTime { get; init; }

    /// <summary>How often the system clock stepped back while the gateway ran.</summary>
    public long ClockStepsBack { get; init; }
}
