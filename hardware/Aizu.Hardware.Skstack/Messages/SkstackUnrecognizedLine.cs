namespace Aizu.Hardware.Skstack;

/// <summary>
/// Bytes the reader could not turn into a message: noise on the serial line, a truncated or malformed line, an
/// over-long line. The reader reports these instead of throwing so the driver can log them and carry on.
/// </summary>
/// <param name="Text">The offending bytes, decoded as Latin-1 so every byte maps to one character.</param>
/// <param name="Reason">Why the bytes were rejected, for logs.</param>
public sealed record SkstackUnrecognizedLine(string Text, string Reason) : SkstackMessage;
