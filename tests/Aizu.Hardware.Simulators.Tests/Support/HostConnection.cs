namespace Aizu.Hardware.Simulators.Tests.Support;

/// <summary>
/// The driver's side of the line, as small as a test needs: opens the device path with <see cref="SerialDevice"/>,
/// reads everything into <see cref="SkstackMessage"/>s in the background and lets a test wait for the next message
/// of a kind, skipping what it does not care about (as a driver skips echoes and notifications).
/// </summary>
internal sealed class HostConnection : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly TtyStream stream;
    private readonly SkstackReader reader;
    private readonly Lock sync = new();
    private readonly List<SkstackMessage> messages = [];
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<IOException> disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task loop;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int cursor;

    private HostConnection(TtyStream stream, SkstackDialect dialect, SkstackDataFormat format)
    {
        this.stream = stream;
        reader = new SkstackReader(dialect, format);
        loop = Task.Run(() => ReadLoopAsync(stop.Token));
    }

    public Task<IOException> Disconnected => disconnected.Task;

    public static HostConnection Open(string path, SkstackDialect dialect, SkstackDataFormat format) =>
        new(SerialDevice.Open(path, SerialSettings.Default), dialect, format);

    /// <summary>Tells the reader how ERXUDP data is printed, as a driver does after WOPT.</summary>
    public void UseFormat(SkstackDataFormat format)
    {
        lock (sync)
        {
            reader.DataFormat = format;
        }
    }

    public List<SkstackMessage> Snapshot()
    {
        lock (sync)
        {
            return [.. messages];
        }
    }

    public async Task SendAsync(byte[] bytes)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await stream.WriteAsync(bytes, cts.Token);
    }

    public Task SendAsync(string line) => SendAsync(Encoding.Latin1.GetBytes(line));

    /// <summary>Waits for the next message of type <typeparamref name="T"/> after the last one expected, skipping others.</summary>
    public async Task<T> ExpectAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null)
        where T : SkstackMessage
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (true)
        {
            Task signal;
            lock (sync)
            {
                for (var i = cursor; i < messages.Count; i++)
                {
                    if (messages[i] is T found && (match?.Invoke(found) ?? true))
                    {
                        cursor = i + 1;
                        return found;
                    }
                }

                signal = changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(signal, Task.Delay(left)) != signal)
            {
                Assert.Fail($"No {typeof(T).Name} matching within the timeout. Received:\n" + string.Join('\n', Snapshot()));
            }
        }
    }

    public Task<SkstackEvent> ExpectEventAsync(SkstackEventCode code, TimeSpan? timeout = null) =>
        ExpectAsync<SkstackEvent>(e => e.Code == code, timeout);

    /// <summary>Sends a command and waits for its OK, failing on a FAIL.</summary>
    public async Task<SkstackOk> CommandAsync(byte[] command)
    {
        await SendAsync(command);
        var answer = await ExpectAsync<SkstackMessage>(m => m is SkstackOk or SkstackFail);
        return Assert.IsType<SkstackOk>(answer);
    }

    /// <summary>Sends a command and returns the FAIL it must get.</summary>
    public async Task<SkstackFail> FailingCommandAsync(byte[] command)
    {
        await SendAsync(command);
        var answer = await ExpectAsync<SkstackMessage>(m => m is SkstackOk or SkstackFail);
        return Assert.IsType<SkstackFail>(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        await stream.DisposeAsync();
        stop.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[1024];
        var pending = new List<byte>();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken);
                pending.AddRange(chunk.AsSpan(0, read));
                lock (sync)
                {
                    var sequence = new ReadOnlySequence<byte>(pending.ToArray());
                    var sequenceReader = new SequenceReader<byte>(sequence);
                    while (reader.TryRead(ref sequenceReader, out var message))
                    {
                        messages.Add(message!);
                    }

                    pending.RemoveRange(0, (int)sequenceReader.Consumed);
                    changed.TrySetResult();
                    changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException e)
        {
            disconnected.TrySetResult(e);
        }
    }
}
