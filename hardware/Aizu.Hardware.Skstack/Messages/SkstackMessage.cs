namespace Aizu.Hardware.Skstack;

/// <summary>
/// One thing the dongle said: a status line, an event, a received datagram, a scan result or a line the reader could
/// not make sense of. Produced by <see cref="SkstackReader"/>; the simulator formats the same types with
/// <see cref="SkstackResponses"/>.
/// </summary>
public abstract record SkstackMessage;
