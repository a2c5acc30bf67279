namespace Aizu.Hardware.Dsmr;

/// <summary>One object of a telegram as it was sent: its OBIS reference and the texts between its parentheses.</summary>
/// <param name="Obis">The object's OBIS reference.</param>
/// <param name="Values">Each value without its parentheses, e.g. <c>000004.426*kWh</c>.</param>
/// <param name="Line">The telegram line (1 is the header) on which the object starts.</param>
public sealed record CosemObject(ObisCode Obis, IReadOnlyList<string> Values, int Line);
