namespace Aizu.Hardware.Sml;

/// <summary>The body of an SML message; the types the gateway reads derive from this.</summary>
public abstract record SmlMessageBody;
