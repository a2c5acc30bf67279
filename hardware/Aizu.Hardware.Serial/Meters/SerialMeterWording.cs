namespace Aizu.Hardware.Serial.Meters;

/// <summary>How the serial meter loop's log lines name one kind of meter.</summary>
/// <param name="Port">What the household plugged in, e.g. <c>P1 port</c> or <c>SML read head</c>.</param>
/// <param name="Frame">One unit of data, e.g. <c>telegram</c> or <c>SML frame</c>.</param>
/// <param name="SilenceAdvice">What to check when nothing valid arrives, as a sentence ending in a full stop.</param>
public sealed record SerialMeterWording(string Port, string Frame, string SilenceAdvice);
