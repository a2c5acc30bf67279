namespace Aizu.Hardware.Serial.Framing;

/// <summary>One result of a meter's framer: a frame for its parser, or bytes skipped while resynchronising.</summary>
/// <param name="Kind">A frame, or skipped bytes.</param>
/// <param name="Bytes">The bytes, a slice of the reader's sequence: valid only until the caller reuses its buffer.</param>
/// <param name="Reason">For <see cref="SerialFrameKind.Discarded"/>: why the bytes were skipped.</param>
public readonly record struct SerialFrame(SerialFrameKind Kind, ReadOnlySequence<byte> Bytes, string? Reason);
