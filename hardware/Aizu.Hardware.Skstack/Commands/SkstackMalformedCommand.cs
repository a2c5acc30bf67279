namespace Aizu.Hardware.Skstack;

/// <summary>
/// Input the simulated dongle cannot accept: wrong argument count or shape, a layout of the other dialect, an
/// over-long line. A faithful simulator answers <c>FAIL ER06</c> (invalid format or out of range).
/// </summary>
/// <param name="Text">The offending bytes, decoded as Latin-1.</param>
/// <param name="Reason">Why it was rejected.</param>
public sealed record SkstackMalformedCommand(string Text, string Reason) : SkstackCommand(string.Empty);
