namespace Aizu.Readings;

/// <summary>
/// A driver that produces <see cref="Reading"/>s until cancelled. It recovers from its own device
/// faults and returns only when <paramref name="cancellationToken"/> fires.
/// </summary>
public interface IReadingSource
{
    /// <summary>Short name for logs and the panel, for example <c>broute</c>.</summary>
    string Name { get; }

    /// <summary>Runs the driver, writing readings to <paramref name="output"/>.</summary>
    Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken);
}
