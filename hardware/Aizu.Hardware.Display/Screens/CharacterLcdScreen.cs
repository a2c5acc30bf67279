using System.Device.I2c;
using Iot.Device.CharacterLcd;

namespace Aizu.Hardware.Display;

/// <summary>
/// The 16×2 LCD layout: "Power" and the value right-aligned on the first line, "! ALERT" on the second
/// while an alert is active. Lines are overwritten in full rather than cleared, so the text does not flicker.
/// </summary>
internal sealed class CharacterLcdScreen : IScreen
{
    /// <summary>What the second line shows during an alert.</summary>
    public const string AlertText = "! ALERT";

    private const int Columns = 16;
    private readonly Lcd1602 _lcd;

    public CharacterLcdScreen(I2cDevice device)
    {
        // The PCF8574 backpack drives the LCD's 4-bit bus; the bindings' 4-bit I2C interface speaks it.
        _lcd = new Lcd1602(LcdInterface.CreateI2c(device, uses8Bit: false));
        _lcd.BacklightOn = true;
    }

    public static string FirstLine(DisplayContent content) => "Power" + content.Power.PadLeft(Columns - 5);

    public void Show(DisplayContent content)
    {
        _lcd.SetCursorPosition(0, 0);
        _lcd.Write(Fit(FirstLine(content)));
        _lcd.SetCursorPosition(0, 1);
        _lcd.Write(Fit(content.Alert ? AlertText : string.Empty));
    }

    public void Dispose() => _lcd.Dispose();

    private static string Fit(string text) => text.Length >= Columns ? text[..Columns] : text.PadRight(Columns);
}
