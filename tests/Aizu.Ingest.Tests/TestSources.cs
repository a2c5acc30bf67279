namespace Aizu.Ingest.Tests;

/// <summary>Writes one reading per run and throws for the first <c>failures</c> runs, then runs until stopped.</summary>
internal sealed class FlakySource(string name, int failures, TimeProvider time) : IReadingSource
{
    private int runs;

    public string Name => name;

    public int Runs => Volatile.Read(ref runs);

    public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        var run = Interlocked.Increment(ref runs);
        await output.WriteAsync(IngestHarness.Power(time.GetUtcNow(), run), cancellationToken);
        if (run <= failures)
        {
            throw new InvalidOperationException($"serial port gone (run {run})");
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}

/// <summary>Blocks its thread without ever awaiting, like a driver doing synchronous serial reads.</summary>
internal sealed class BlockingSource : IReadingSource
{
    public string Name => "blocking";

    public Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        cancellationToken.WaitHandle.WaitOne();
        return Task.FromCanceled(cancellationToken);
    }
}

/// <summary>Tries to close the shared channel.</summary>
internal sealed class CompletingSource : IReadingSource
{
    private int runs;

    public string Name => "completing";

    public int Runs => Volatile.Read(ref runs);

    public Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref runs);
        output.Complete();
        return Task.CompletedTask;
    }
}
