namespace Aizu.Readings;

/// <summary>
/// Implemented by an <see cref="IReadingSource"/> that reads several devices of its own (indoor sensors), so that one
/// device that stops answering shows on the panel while the source itself keeps running.
/// </summary>
public interface ISensorHealthReport
{
    /// <summary>Each configured device's state, in configuration order.</summary>
    IReadOnlyList<SensorHealth> GetSensorHealth();
}
