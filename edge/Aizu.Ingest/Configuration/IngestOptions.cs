namespace Aizu.Ingest;

/// <summary>Settings of the ingest pipeline.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Ingest</c>.</summary>
    public const string SectionName = "Aizu:Ingest";

    /// <summary>
    /// How many readings may wait between the drivers and the store. When it is full the drivers wait
    /// (back-pressure) instead of readings being dropped. 10 000 holds hours of a smart meter's output.
    /// </summary>
    public int ChannelCapacity { get; set; } = 10_000;
}
