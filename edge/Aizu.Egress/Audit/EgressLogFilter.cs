namespace Aizu.Egress;

/// <summary>Which egress log entries to list. All criteria are optional.</summary>
public sealed record EgressLogFilter
{
    /// <summary>Only entries at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only entries before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only entries sent under this consent id (any version).</summary>
    public string? ConsentId { get; init; }

    /// <summary>Only delivered sends (PUBACK below 0x80) when true; only refused or unacknowledged ones when false.</summary>
    public bool? Delivered { get; init; }

    /// <summary>At most this many entries, oldest first. Default 10,000.</summary>
    public int Limit { get; init; } = 10_000;
}
