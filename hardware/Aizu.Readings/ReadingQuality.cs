namespace Aizu.Readings;

/// <summary>How a <see cref="Reading"/> came to be.</summary>
public enum ReadingQuality
{
    /// <summary>Measured now by the device and stamped by a trusted clock.</summary>
    Good = 0,

    /// <summary>Read from the device's own history (for example the meter's 30-minute log) after the fact.</summary>
    Backfilled = 1,

    /// <summary>Measured, but the device flagged it (overflow, out of range).</summary>
    Uncertain = 2,
}
