namespace Aizu.Household;

/// <summary>Where the household is in time: the one setting every local day, month and clock time follows.</summary>
public sealed class HouseholdOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Household</c>.</summary>
    public const string SectionName = "Aizu:Household";

    /// <summary>
    /// IANA (or Windows) id of the household's time zone, for example <c>Asia/Tokyo</c> or
    /// <c>Europe/Amsterdam</c>; empty (the default) means the system's zone. The panel's "today", the day
    /// rollups, the tariff's days and months, consented uplink windows and alert quiet hours all follow it.
    /// Changing it rebuilds the day rollups at the next start.
    /// </summary>
    public string TimeZone { get; set; } = "";

    /// <summary>
    /// The household's district in the city's hierarchy (city → district → sub-district), e.g.
    /// <c>aizuwakamatsu/tsuruga</c>; empty (the default) means none is configured. It leaves the gateway only in the
    /// consent state of a purpose for which the household chose "share my district" on the consent card.
    /// </summary>
    public string District { get; set; } = "";
}
