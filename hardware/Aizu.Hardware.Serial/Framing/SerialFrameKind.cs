namespace Aizu.Hardware.Serial.Framing;

/// <summary>What a meter's framer found.</summary>
public enum SerialFrameKind
{
    /// <summary>A whole frame (a DSMR telegram, an SML transport frame) to hand to the parser.</summary>
    Frame = 0,

    /// <summary>Bytes that cannot be (part of) a frame and were skipped; <see cref="SerialFrame.Reason"/> says why.</summary>
    Discarded = 1,
}
