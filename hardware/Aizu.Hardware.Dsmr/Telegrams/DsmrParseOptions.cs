namespace Aizu.Hardware.Dsmr;

/// <summary>How strictly <see cref="DsmrTelegramParser"/> treats a telegram.</summary>
public sealed record DsmrParseOptions
{
    /// <summary>
    /// Whether a telegram without CRC is rejected. True for DSMR 4.0 and later and e-MUCS, which always send one: a
    /// telegram that seems to have none there has had its CRC line damaged. DSMR 2.2 and 3.0 never send one. Whatever
    /// this says, a telegram whose version line claims 4.0 or later must carry a CRC, and a CRC that is present is
    /// always checked.
    /// </summary>
    public bool RequireChecksum { get; init; } = true;

    /// <summary>Strict options: CRC required.</summary>
    public static DsmrParseOptions Strict { get; } = new();

    /// <summary>Options for DSMR 2.2 and 3.0 meters, which send no CRC.</summary>
    public static DsmrParseOptions WithoutChecksum { get; } = new() { RequireChecksum = false };
}
