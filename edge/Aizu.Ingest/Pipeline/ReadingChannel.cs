namespace Aizu.Ingest;

/// <summary>
/// The one queue between the drivers and the store. Bounded and waiting when full, so a slow or
/// failing disk slows the drivers down instead of silently losing readings.
/// </summary>
public sealed class ReadingChannel
{
    private readonly Channel<Reading> channel;

    /// <summary>Creates the channel with <see cref="IngestOptions.ChannelCapacity"/>.</summary>
    public ReadingChannel(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Capacity = options.Value.ChannelCapacity;
        channel = Channel.CreateBounded<Reading>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>How many readings the channel holds before writers wait.</summary>
    public int Capacity { get; }

    /// <summary>How many readings are waiting to be stored.</summary>
    public int Count => channel.Reader.Count;

    /// <summary>Where drivers write. The <see cref="SourceSupervisor"/> hands each driver a guarded view of it.</summary>
    public ChannelWriter<Reading> Writer => channel.Writer;

    /// <summary>Where the <see cref="IngestService"/> reads.</summary>
    public ChannelReader<Reading> Reader => channel.Reader;
}
