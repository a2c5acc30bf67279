using System.Buffers;

namespace Aizu.Hardware.Sml;

/// <summary>One result of <see cref="SmlFramer.TryReadFrame"/>.</summary>
/// <param name="Kind">A frame, or skipped bytes.</param>
/// <param name="Bytes">The bytes, a slice of the reader's sequence: valid only until the caller reuses its buffer.</param>
/// <param name="Reason">For <see cref="SmlFrameKind.Discarded"/>: why the bytes were skipped.</param>
public readonly record struct SmlFrame(SmlFrameKind Kind, ReadOnlySequence<byte> Bytes, string? Reason);
