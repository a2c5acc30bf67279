namespace Aizu.Hardware.Display;

/// <summary>
/// The OLED layout: a small "POWER" caption, the power in double-size digits below it, and when an
/// alert is active a lit "ALERT" tab in the top-right corner (dark letters on a lit box, visible from across a room).
/// </summary>
internal sealed class OledScreen : IScreen
{
    /// <summary>Where the double-size power text starts.</summary>
    public const int PowerX = 0;

    /// <summary>The top row of the double-size power text.</summary>
    public const int PowerY = 12;

    /// <summary>The alert tab's left edge.</summary>
    public const int AlertX = 94;

    private readonly OledSsd1306 _oled;
    private readonly MonochromeFrame _frame;
    private readonly Font5x8 _font = new();

    public OledScreen(I2cDevice device, int height)
    {
        _oled = new OledSsd1306(device, height);
        _frame = new MonochromeFrame(128, height);
    }

    public void Show(DisplayContent content)
    {
        _frame.Clear();
        // The caption row gives way to a notice (the setup code): it must be readable until the panel is claimed.
        _frame.DrawText(_font, 0, 0, content.Notice ?? "POWER", scale: 1);
        _frame.DrawText(_font, PowerX, PowerY, content.Power, scale: 2);
        if (content.Alert)
        {
            _frame.Fill(AlertX, 0, _frame.Width - AlertX, 9, lit: true);
            _frame.DrawText(_font, AlertX + 2, 1, "ALERT", scale: 1, lit: false);
        }

        _oled.Write(_frame);
    }

    public void Dispose() => _oled.Dispose();
}
