namespace Aizu.Hardware.Skstack;

/// <summary>
/// A known informational line this codec does not model field by field (EAPPVER, EINFO, EADDR, ENEIGHBOR, EPORT,
/// EHANDLE, EEDSCAN, EPONG, ESREG). The driver can log or parse the text itself.
/// </summary>
/// <param name="Text">The whole line without its line end.</param>
public sealed record SkstackInfoLine(string Text) : SkstackMessage;
