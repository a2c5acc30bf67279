namespace Aizu.Panel.Tests;

/// <summary>A source that reads nothing and reports the sensor states the test gives it, as the indoor sensor source does.</summary>
internal sealed class SensorHealthSource(params SensorHealth[] sensors) : IReadingSource, ISensorHealthReport
{
    public string Name => "indoor";

    public IReadOnlyList<SensorHealth> GetSensorHealth() => sensors;

    public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end.
        }
    }
}
