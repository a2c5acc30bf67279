namespace Aizu.Wire;

/// <summary>CAP 1.2 <c>category</c> of the subject event.</summary>
public enum CapCategory
{
    /// <summary>Geophysical (including landslide, earthquake, tsunami).</summary>
    Geo,

    /// <summary>Meteorological (including flood).</summary>
    Met,

    /// <summary>General emergency and public safety.</summary>
    Safety,

    /// <summary>Law enforcement, military, homeland and local/private security (J-Alert civil protection).</summary>
    Security,

    /// <summary>Rescue and recovery.</summary>
    Rescue,

    /// <summary>Fire suppression and rescue.</summary>
    Fire,

    /// <summary>Medical and public health.</summary>
    Health,

    /// <summary>Pollution and other environmental.</summary>
    Env,

    /// <summary>Public and private transportation.</summary>
    Transport,

    /// <summary>Utility, telecommunication, other non-transport infrastructure.</summary>
    Infra,

    /// <summary>Chemical, biological, radiological, nuclear or high-yield explosive threat or attack.</summary>
    CBRNE,

    /// <summary>Other events.</summary>
    Other,
}
