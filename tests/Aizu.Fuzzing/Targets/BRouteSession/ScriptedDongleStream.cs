namespace Aizu.Fuzzing;

/// <summary>
/// A dongle's serial port that says exactly what a transcript says, one whole line per read (see
/// <see cref="ScriptedLineStream"/>); whatever is written is taken and dropped.
/// </summary>
internal sealed class ScriptedDongleStream(byte[] transcript, FakeTimeProvider time, TimeSpan step, Action atEnd)
    : ScriptedLineStream(transcript, time, step, atEnd)
{
    /// <summary>Bytes the driver wrote (its commands), for the replay's outcome.</summary>
    public long Written { get; private set; }

    /// <summary>PANA joins the driver started (SKJOIN commands).</summary>
    public int Joins { get; private set; }

    public override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count) => Take(buffer.AsSpan(offset, count));

    // As a real port does: a write asked for after its deadline passed is cancelled.
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Take(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Take(ReadOnlySpan<byte> command)
    {
        Written += command.Length;
        Joins += command.StartsWith("SKJOIN "u8) ? 1 : 0;
    }
}
