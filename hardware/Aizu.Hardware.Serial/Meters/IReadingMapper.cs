namespace Aizu.Hardware.Serial.Meters;

/// <summary>Turns one parsed frame into the readings it is due for (a meter may thin them to intervals).</summary>
/// <typeparam name="TReadout">What the meter's parser produces.</typeparam>
public interface IReadingMapper<in TReadout>
{
    /// <summary>Adds the readings <paramref name="readout"/> is due for to <paramref name="output"/>, and to
    /// <paramref name="skipped"/> each value it had to leave out (an odd object, an unexpected unit, a value that does
    /// not fit a number) while storing the rest; false when there is no trusted time to stamp them with (the clock is
    /// unset and the frame carries no time of its own).</summary>
    bool Map(TReadout readout, DateTimeOffset now, List<Reading> output, List<SkippedValue> skipped);
}
