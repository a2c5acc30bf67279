namespace Aizu.Hardware.Display;

/// <summary>The size of an HD44780 character LCD, as the bindings name the modules.</summary>
public enum LcdModel
{
    /// <summary>16 characters × 2 rows (<c>Lcd1602</c>).</summary>
    Lcd1602 = 0,

    /// <summary>20 characters × 4 rows (<c>Lcd2004</c>).</summary>
    Lcd2004 = 1,
}
