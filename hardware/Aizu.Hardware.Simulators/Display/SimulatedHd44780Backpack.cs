namespace Aizu.Hardware.Simulators.Display;

/// <summary>
/// An HD44780 character LCD (16×2 or 20×4) behind the usual PCF8574 I2C backpack: each byte written to the PCF8574
/// sets its eight pins, wired P0 = RS, P1 = R/W, P2 = E, P3 = backlight transistor, P4–P7 = D4–D7. The controller
/// latches RS, R/W and D4–D7 on the falling edge of E, so only what the binding actually strobes reaches the display
/// RAM; a test reads the rows a person would see. Backpacks answer at 0x27 (PCF8574) or 0x3F (PCF8574A).
/// </summary>
public sealed class SimulatedHd44780Backpack : SimulatedI2cDevice
{
    private const byte RegisterSelect = 0x01;
    private const byte ReadWrite = 0x02;
    private const byte Enable = 0x04;
    private const byte Backlight = 0x08;

    private readonly Hd44780Controller _controller;

    // The PCF8574's quasi-bidirectional pins are high after power-on. Written and read under the base class's lock.
    private byte _port = 0xFF;

    /// <summary>Creates a module with <paramref name="columns"/> × <paramref name="rows"/> characters (16×2 or 20×4) at <paramref name="settings"/>.</summary>
    public SimulatedHd44780Backpack(I2cConnectionSettings settings, int columns = 16, int rows = 2)
        : base(settings)
    {
        _controller = new Hd44780Controller(columns, rows);
    }

    /// <summary>Visible characters per row.</summary>
    public int Columns => _controller.Columns;

    /// <summary>Visible rows.</summary>
    public int Rows => _controller.Rows;

    /// <summary>Whether the backlight transistor (P3) is switched on.</summary>
    public bool BacklightOn => (Volatile.Read(ref _port) & Backlight) != 0;

    /// <summary>Whether the display is switched on.</summary>
    public bool DisplayOn => _controller.DisplayOn;

    /// <summary>The text a person reads on row <paramref name="line"/> (0 to <see cref="Rows"/> − 1); blank when the display is off.</summary>
    public string Line(int line) => _controller.Row(line);

    /// <summary>Every row, top to bottom, for assertion messages.</summary>
    public string Screen() => string.Join('\n', Enumerable.Range(0, Rows).Select(r => $"|{Line(r)}|"));

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        foreach (byte value in data)
        {
            byte before = _port;
            Volatile.Write(ref _port, value);
            if ((before & Enable) != 0 && (value & Enable) == 0)
            {
                // D4–D7 sit on the upper nibble of the port, exactly where DB4–DB7 are on the controller's bus.
                _controller.Strobe((value & RegisterSelect) != 0, (value & ReadWrite) != 0, (byte)(value & 0xF0));
            }
        }
    }

    /// <inheritdoc />
    protected override void OnRead(Span<byte> data) => data.Fill(_port);
}
