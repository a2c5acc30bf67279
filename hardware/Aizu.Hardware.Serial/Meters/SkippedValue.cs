namespace Aizu.Hardware.Serial.Meters;

/// <summary>One value of an accepted frame that its mapper could not use and left out; the frame's other values were
/// stored. The serial meter loop counts these and logs the first of each <paramref name="Kind"/> as a warning.</summary>
/// <param name="Kind">What was skipped, the same text every time the meter sends it (an OBIS code such as
/// <c>1-0:1.8.0</c>, or <c>unreadable line</c>), so one odd object repeated every second is warned about once.</param>
/// <param name="Reason">Why, for the log, as a sentence ending in a full stop.</param>
public readonly record struct SkippedValue(string Kind, string Reason);
