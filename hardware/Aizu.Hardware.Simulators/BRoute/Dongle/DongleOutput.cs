namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// Everything the dongle prints, in order: replies from the command loop and lines from delayed work go through one
/// queue and one writer, so lines never interleave.
/// </summary>
internal sealed class DongleOutput
{
    // A host that stops reading fills the pty's buffer (about 4 KB); after this long we drop output rather than hang.
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<byte[]> queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public DongleOutput(TimeProvider time, ILogger logger)
    {
        this.time = time;
        this.logger = logger;
    }

    public void Write(byte[] bytes) => queue.Writer.TryWrite(bytes);

    public void Complete() => queue.Writer.TryComplete();

    public async Task PumpAsync(Stream master, CancellationToken cancellationToken)
    {
        await foreach (var bytes in queue.Reader.ReadAllAsync(cancellationToken))
        {
            using var timeout = new CancellationTokenSource(WriteTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await master.WriteAsync(bytes, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.OutputDropped(bytes.Length, WriteTimeout);
            }
            catch (IOException e)
            {
                logger.WriteFailed(e, bytes.Length);
            }
        }
    }
}
