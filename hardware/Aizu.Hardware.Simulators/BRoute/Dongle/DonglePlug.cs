namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// One period of the dongle being plugged in: its pseudo-terminal, the loops that read commands and write output, and
/// the firmware's RAM state. Unplugging disposes it; plugging in again creates a new one, as a power cycle would.
/// </summary>
internal sealed class DonglePlug : IAsyncDisposable
{
    private readonly PseudoTerminal terminal;
    private readonly TtyStream slaveKeeper;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly SkstackCommandReader commands;
    private Task reading = Task.CompletedTask;
    private Task writing = Task.CompletedTask;

    private DonglePlug(
        PseudoTerminal terminal, TtyStream slaveKeeper, SimulatedWiSunDongle owner, TimeProvider time, ILogger logger)
    {
        this.terminal = terminal;
        this.slaveKeeper = slaveKeeper;
        this.time = time;
        this.logger = logger;
        commands = new SkstackCommandReader(owner.Options.Dialect);
        Output = new DongleOutput(time, logger);
        Work = new PendingWork(logger, stop.Token);
        Firmware = new DongleFirmware(owner, time, logger, Output, Work);
    }

    public string SlavePath => terminal.SlavePath;

    public DongleFirmware Firmware { get; }

    public DongleOutput Output { get; }

    private PendingWork Work { get; }

    /// <summary>Opens a new pseudo-terminal; <see cref="Start"/> begins answering on it.</summary>
    public static DonglePlug Open(SimulatedWiSunDongle owner, TimeProvider time, ILogger logger)
    {
        var terminal = PseudoTerminal.Open();
        try
        {
            // A new pty slave is in cooked mode with ECHO on until someone sets raw mode: anything we printed before the
            // host opened it would come straight back to us as if the host had typed it. Holding the slave open in raw
            // mode ourselves also keeps its settings when the host closes and reopens it, like a real UART.
            var keeper = SerialDevice.Open(terminal.SlavePath, SerialSettings.Default);
            return new DonglePlug(terminal, keeper, owner, time, logger);
        }
        catch
        {
            terminal.Dispose();
            throw;
        }
    }

    public void Start()
    {
        writing = Output.PumpAsync(terminal.Master, stop.Token);
        reading = Task.Run(() => ReadLoopAsync(stop.Token));
    }

    /// <summary>Closes a plug that was never started.</summary>
    public void Abandon()
    {
        slaveKeeper.Dispose();
        terminal.Dispose();
        stop.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        Output.Complete();
        await AwaitQuietly(reading);
        await AwaitQuietly(writing);
        await Work.DrainAsync();

        // Closing the master last is what the host notices: its reads fail as with a pulled USB plug.
        await slaveKeeper.DisposeAsync();
        terminal.Dispose();
        stop.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[1024];
        var pending = new byte[4096];
        var count = 0;
        try
        {
            while (true)
            {
                var read = await terminal.Master.ReadAsync(chunk, cancellationToken);
                if (count + read > pending.Length)
                {
                    Array.Resize(ref pending, Math.Max(pending.Length * 2, count + read));
                }

                chunk.AsSpan(0, read).CopyTo(pending.AsSpan(count));
                count += read;
                var consumed = Interpret(pending, count);
                pending.AsSpan(consumed, count - consumed).CopyTo(pending);
                count -= consumed;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unplugged or disposed.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            logger.ReadFailed(e, SlavePath);
        }
    }

    /// <summary>Hands every complete command to the firmware; returns how many bytes were used.</summary>
    private int Interpret(byte[] pending, int count)
    {
        var sequence = new ReadOnlySequence<byte>(pending, 0, count);
        var reader = new SequenceReader<byte>(sequence);
        while (true)
        {
            var start = reader.Position;
            if (!commands.TryRead(ref reader, out var command) || command is null)
            {
                return (int)reader.Consumed;
            }

            try
            {
                Firmware.Handle(command, sequence.Slice(start, reader.Position).ToArray());
            }
#pragma warning disable CA1031 // One command the firmware model cannot handle must not unplug the whole dongle.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.CommandFailed(e, command.Name);
            }
        }
    }

    private async Task AwaitQuietly(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(5), time);
        }
        catch (OperationCanceledException)
        {
            // Expected: the loops end by cancellation.
        }
        catch (TimeoutException)
        {
            logger.StopTimedOut(SlavePath);
        }
    }
}
