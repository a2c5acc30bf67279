namespace Aizu.Hardware.Sensors;

/// <summary>One value a chip measured, before it becomes a <see cref="Reading"/>.</summary>
internal readonly record struct Measurement(IndoorQuantity Quantity, double Value);
