namespace Aizu.Consent;

/// <summary>What became of a catalogue the city sent.</summary>
public enum CatalogueStatus
{
    /// <summary>Signed, valid and newer: now in force; new or changed purposes became requests.</summary>
    Accepted = 0,

    /// <summary>The catalogue already in force, received again (a retained message after a reconnect).</summary>
    Unchanged = 1,

    /// <summary>Unsigned, badly signed, invalid or older than the one in force: ignored and logged.</summary>
    Rejected = 2,
}
