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

    /// <summary>The connection to the city's broker; null when no city link is configured.</summary>
    public PanelCityLinkStatus? CityLink { get; init; }

    /// <summary>Each configured indoor sensor and whether it answers (empty when none is configured).</summary>
    public IReadOnlyList<PanelSensorStatus> Sensors { get; init; } = [];

    /// <summary>Readings refused because of a clock step back (stamped by the clock before it stepped back, or inside time already stored).</summary>
    public long RejectedInsideStoredTime { get; init; }

    /// <summary>How often the system clock stepped back while the gateway ran (or was found behind the store at start).</summary>
    public long ClockStepsBack { get; init; }

    /// <summary>How often the system clock stepped forward while the gateway ran.</summary>
    public long ClockStepsForward { get; init; }

    /// <summary>Stored readings set aside because a clock that ran ahead stamped them.</summary>
    public long ReadingsSetAside { get; init; }

    /// <summary>When (by the gateway's clock) the first readings since start-up were stored, or null before that.</summary>
    public DateTimeOffset? FirstStoredAt { get; init; }

    /// <summary>When the clock last stepped (by the clock after the step), or null.</summary>
    public DateTimeOffset? LastClockStepAt { get; init; }

    /// <summary>By how many seconds the clock last stepped (negative: back), or null.</summary>
    public double? LastClockStepSeconds { get; init; }
}
