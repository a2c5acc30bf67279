namespace Aizu.Hardware.Display;

/// <summary>
/// The character LCD layout: "Power" and the value right-aligned on the first row, "! ALERT" on the second while an
/// alert is active; a 20×4 module leaves its lower two rows blank. Rows are overwritten in full rather than cleared, so
/// the text does not flicker. Works the same over the PCF8574 I2C backpack and direct 4-bit GPIO: both are a bindings
/// <see cref="LcdInterface"/>.
/// </summary>
internal sealed class CharacterLcdScreen : IScreen
{
    /// <summary>What the second row shows during an alert.</summary>
    public const string AlertText = "! ALERT";

    private readonly Hd44780 _lcd;
    private readonly int _columns;
    private readonly int _rows;
    private bool _lowerRowsCleared;

    public CharacterLcdScreen(LcdInterface lcdInterface, LcdModel model)
    {
        ArgumentNullException.ThrowIfNull(lcdInterface);
        (_lcd, _columns, _rows) = model == LcdModel.Lcd2004
            ? ((Hd44780)new Lcd2004(lcdInterface), 20, 4)
            : (new Lcd1602(lcdInterface), 16, 2);
        _lcd.BacklightOn = true;
    }

    /// <summary>The first row: "Power" and the value right-aligned in <paramref name="columns"/> characters.</summary>
    public static string FirstLine(DisplayContent content, int columns = 16) => "Power" + content.Power.PadLeft(columns - 5);

    /// <summary>The second row: the alert indicator, else the notice, else nothing (an alert outranks a setup code).</summary>
    public static string SecondLine(DisplayContent content) => content.Alert ? AlertText : content.Notice ?? string.Empty;

    public void Show(DisplayContent content)
    {
        WriteRow(0, FirstLine(content, _columns));
        WriteRow(1, SecondLine(content));
        if (!_lowerRowsCleared)
        {
            for (int row = 2; row < _rows; row++)
            {
                WriteRow(row, string.Empty);
            }

            _lowerRowsCleared = true;
        }
    }

    public void Dispose() => _lcd.Dispose();

    private void WriteRow(int row, string text)
    {
        _lcd.SetCursorPosition(0, row);
        _lcd.Write(text.Length >= _columns ? text[.._columns] : text.PadRight(_columns));
    }
}
