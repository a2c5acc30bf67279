namespace Aizu.Hardware.Display;

/// <summary>One screenful: the power as text, whether the alert indicator is lit, and a notice line.</summary>
/// <param name="Power">The power, e.g. <c>532 W</c>, <c>12.3 kW</c>, or <c>-- W</c> when there is no current value.</param>
/// <param name="Alert">Whether the alert indicator is shown.</param>
/// <param name="Notice">A line the household must see (the panel setup code), or <see langword="null"/>.</param>
internal readonly record struct DisplayContent(string Power, bool Alert, string? Notice = null);
