namespace Aizu.Consent;

/// <summary>Where a consent stands (DPV consent status classes). Only <see cref="Given"/> and <see cref="Renewed"/> allow processing.</summary>
public enum ConsentStatus
{
    /// <summary>The city asked; the household has not decided. Never valid for processing.</summary>
    Requested = 0,

    /// <summary>The household looked and postponed (or ignored) the request. Never valid.</summary>
    Deferred = 1,

    /// <summary>The household said no.</summary>
    Refused = 2,

    /// <summary>The household said yes.</summary>
    Given = 3,

    /// <summary>The household said yes again before expiry.</summary>
    Renewed = 4,

    /// <summary>The validity period ended.</summary>
    Expired = 5,

    /// <summary>The household took it back.</summary>
    Withdrawn = 6,

    /// <summary>Someone else ended it (e.g. the city retired the purpose).</summary>
    Revoked = 7,
}
