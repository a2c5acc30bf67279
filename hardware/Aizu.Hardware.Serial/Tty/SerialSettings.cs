namespace Aizu.Hardware.Serial.Tty;

/// <summary>Line settings for <see cref="SerialDevice.Open"/>.</summary>
/// <param name="BaudRate">One of the standard rates (9600 … 921600).</param>
/// <param name="DataBits">7 or 8.</param>
/// <param name="Parity">Parity bit.</param>
/// <param name="TwoStopBits">Two stop bits instead of one.</param>
public sealed record SerialSettings(int BaudRate = 115200, int DataBits = 8, SerialParity Parity = SerialParity.None, bool TwoStopBits = false)
{
    /// <summary>115200 8N1, the Wi-SUN dongles' default.</summary>
    public static SerialSettings Default { get; } = new();
}
