using System.Buffers;

namespace Aizu.Hardware.Dsmr;

/// <summary>One result of <see cref="DsmrFramer.TryReadFrame"/>.</summary>
/// <param name="Kind">A telegram, or skipped bytes.</param>
/// <param name="Bytes">The bytes, a slice of the reader's sequence: valid only until the caller reuses its buffer.</param>
/// <param name="Reason">For <see cref="DsmrFrameKind.Discarded"/>: why the bytes were skipped.</param>
public readonly record struct DsmrFrame(DsmrFrameKind Kind, ReadOnlySequence<byte> Bytes, string? Reason);
