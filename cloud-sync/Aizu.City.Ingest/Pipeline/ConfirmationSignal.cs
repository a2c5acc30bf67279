namespace Aizu.City.Ingest;

/// <summary>Tells the MQTT side that signed deletion confirmations wait in the outbox table (coalesced: one pending signal at most).</summary>
public sealed class ConfirmationSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Raises the signal.</summary>
    public void Raise() => channel.Writer.TryWrite(true);

    /// <summary>Waits for the signal and lowers it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await channel.Reader.ReadAsync(cancellationToken);
    }
}
