namespace Aizu.Testing;

/// <summary>
/// Bytes as a <see cref="ReadOnlySequence{T}"/> of several segments, as a pipe hands them over after several
/// reads: for checking that a framer or reader copes with a frame split at any point.
/// </summary>
public static class SegmentedSequence
{
    /// <summary>The non-empty <paramref name="pieces"/>, each its own segment, in order.</summary>
    public static ReadOnlySequence<byte> Of(IEnumerable<ReadOnlyMemory<byte>> pieces)
    {
        Segment? first = null;
        Segment? last = null;
        foreach (var piece in pieces)
        {
            if (piece.IsEmpty)
            {
                continue;
            }

            last = last is null ? first = new Segment(piece, 0) : last.Append(piece);
        }

        return last is null ? ReadOnlySequence<byte>.Empty
            : first == last ? new ReadOnlySequence<byte>(last.Memory)
            : new ReadOnlySequence<byte>(first!, 0, last, last.Memory.Length);
    }

    /// <summary><paramref name="bytes"/> cut into segments of <paramref name="size"/> bytes (the last may be shorter).</summary>
    public static ReadOnlySequence<byte> Chunked(byte[] bytes, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Of(Enumerable.Range(0, (bytes.Length + size - 1) / size)
            .Select(i => (ReadOnlyMemory<byte>)bytes.AsMemory(i * size, Math.Min(size, bytes.Length - (i * size)))));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
