namespace Aizu.City.Ingest;

/// <summary>What the registry says of a window: allowed (and kept until when), refused, or not known yet.</summary>
/// <param name="Rejection">Why it is refused; null when allowed or unknown.</param>
/// <param name="IsUnknown">No consent state named its reference (yet).</param>
/// <param name="RetainUntil">When retention ends, for an allowed window.</param>
public sealed record ConsentVerdict(Rejection? Rejection, bool IsUnknown, DateTimeOffset RetainUntil)
{
    /// <summary>True when the window may be stored.</summary>
    public bool IsAllowed => Rejection is null && !IsUnknown;

    /// <summary>The district of the grant in force for an allowed window, null when the household did not share one.</summary>
    public string? District { get; init; }
}
