namespace Aizu.Hardware.Sml;

/// <summary>What an <see cref="SmlTime"/> counts.</summary>
public enum SmlTimeKind
{
    /// <summary>Seconds since some meter-internal moment (usually power-on): not a calendar time.</summary>
    SecondIndex = 1,

    /// <summary>Seconds since 1970-01-01 UTC.</summary>
    Timestamp = 2,

    /// <summary>Seconds since 1970-01-01 UTC with the local and daylight-saving offsets (SML 1.04).</summary>
    LocalTimestamp = 3,
}
