namespace Aizu.Hardware.Serial.Tests.Meters;

/// <summary>Why <see cref="LineMeterProtocol"/> refuses a line.</summary>
internal enum LineMeterError
{
    NotANumber = 0,
}
