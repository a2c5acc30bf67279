namespace Aizu.Hardware.Display;

/// <summary>One screenful: the power as text and whether the alert indicator is lit.</summary>
/// <param name="Power">The power, e.g. <c>532 W</c>, <c>12.3 kW</c>, or <c>-- W</c> when there is no current value.</param>
/// <param name="Alert">Whether the alert indicator is shown.</param>
internal readonly record struct DisplayContent(string Power, bool Alert);
