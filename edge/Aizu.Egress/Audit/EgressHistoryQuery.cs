namespace Aizu.Egress;

/// <summary>Which entries of <see cref="EgressHistory"/> to read. All criteria are optional.</summary>
public sealed record EgressHistoryQuery
{
    /// <summary>The largest page that is served.</summary>
    public const int MaxLimit = 200;

    /// <summary>Only entries for this purpose id.</summary>
    public string? Purpose { get; init; }

    /// <summary>Only entries of this data category.</summary>
    public string? Category { get; init; }

    /// <summary>Only entries with this status.</summary>
    public EgressRecordStatus? Status { get; init; }

    /// <summary>Only entries at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only entries before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only entries older than the one with this key (the previous page's <see cref="EgressHistoryPage.NextBefore"/>).</summary>
    public string? Before { get; init; }

    /// <summary>At most this many entries (1–<see cref="MaxLimit"/>), newest first. Default 50.</summary>
    public int Limit { get; init; } = 50;
}
