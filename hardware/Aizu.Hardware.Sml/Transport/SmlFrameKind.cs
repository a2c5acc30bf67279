namespace Aizu.Hardware.Sml;

/// <summary>What <see cref="SmlFramer"/> found.</summary>
public enum SmlFrameKind
{
    /// <summary>A transport frame from its start sequence through its CRC, for <see cref="SmlFileParser"/>.</summary>
    Frame = 0,

    /// <summary>Bytes that are not (part of) a frame and were skipped; <see cref="SmlFrame.Reason"/> says why.</summary>
    Discarded = 1,
}
