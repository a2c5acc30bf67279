namespace Aizu.Hardware.Sensors;

/// <summary>How one configured sensor answered a single test read.</summary>
public enum SensorProbeOutcome
{
    /// <summary>It answered with usable values.</summary>
    Answered = 0,

    /// <summary>Nothing answered at its address (or its 1-wire id is not listed).</summary>
    NoAnswer = 1,

    /// <summary>It answered, but its data failed the chip's checks (a CRC, an impossible value, a wrong chip id).</summary>
    BadData = 2,

    /// <summary>The gateway may not open the bus (permissions).</summary>
    NoAccess = 3,
}
