namespace Aizu.Egress;

/// <summary>Whether a release is allowed now, and if not, why (for the log and the panel).</summary>
/// <param name="Allowed">True when the release may go ahead.</param>
/// <param name="Reason">Why not; empty when allowed.</param>
public readonly record struct ConsentVerdict(bool Allowed, string Reason)
{
    /// <summary>Allowed.</summary>
    public static ConsentVerdict Allow { get; } = new(true, "");

    /// <summary>Refused because of <paramref name="reason"/>.</summary>
    public static ConsentVerdict Refuse(string reason) => new(false, reason);
}
