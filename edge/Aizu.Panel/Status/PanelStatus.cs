using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/status</c>.</summary>
internal sealed record PanelStatus(
    [property: JsonPropertyName("readingsStored")] long? ReadingsStored,
    [property: JsonPropertyName("lastReadingAt")] DateTimeOffset? LastReadingAt,
    [property: JsonPropertyName("meterLinkUp")] bool MeterLinkUp,
    [property: JsonPropertyName("rejectedClock")] long RejectedClock,
    [property: JsonPropertyName("rejectedFuture")] long RejectedFuture,
    [property: JsonPropertyName("storeErrors")] long StoreErrors,
    [property: JsonPropertyName("storeProblem")] string? StoreProblem,
    [property: JsonPropertyName("liveDrops")] long LiveDrops,
    [property: JsonPropertyName("sources")] IReadOnlyList<PanelSourceStatus> Sources,
    [property: JsonPropertyName("version")] string Version)
{
    /// <summary>The store's disk budget and damaged-data counters; the panel shows a banner unless the state is <c>ok</c>.</summary>
    [JsonPropertyName("storage")]
    public PanelStorageStatus? Storage { get; init; }

    /// <summary>Whether anything may leave; null when no city link is configured. The panel shows a banner while sending is stopped.</summary>
    [JsonPropertyName("egress")]
    public PanelEgressStatus? Egress { get; init; }

    /// <summary>Readings refused because the system clock stepped back into time already stored.</summary>
    [JsonPropertyName("rejectedInsideStoredTime")]
    public long RejectedInsideStoredTime { get; init; }

    /// <summary>How often the system clock stepped back while the gateway ran.</summary>
    [JsonPropertyName("clockStepsBack")]
    public long ClockStepsBack { get; init; }
}
