namespace Aizu.Hardware.Simulators.Display;

/// <summary>
/// An HD44780 character LCD (16×2 or 20×4) wired straight to the Pi's GPIO in 4-bit mode: RS, E and D4–D7 on GPIO
/// lines, R/W tied to ground, optionally the backlight switched by a transistor on another line. A driver from
/// <see cref="CreateDriver"/> watches the lines; on every falling edge of E the controller latches RS and D4–D7, exactly
/// as the glass's controller would, so a test reads the rows a person would see. The module outlives a driver: a
/// display service that reopens GPIO finds the same screen in the same state.
/// </summary>
public sealed class SimulatedHd44780Gpio
{
    private readonly Hd44780Controller _controller;
    private readonly int[] _dataPins;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, bool> _levels = [];
    private bool _unavailable;

    /// <summary>Creates the module; <paramref name="dataPins"/> are the GPIO lines of D4, D5, D6 and D7 in that order.</summary>
    public SimulatedHd44780Gpio(int registerSelectPin, int enablePin, IReadOnlyList<int> dataPins, int backlightPin = -1, int columns = 16, int rows = 2)
    {
        ArgumentNullException.ThrowIfNull(dataPins);
        if (dataPins.Count != 4)
        {
            throw new ArgumentException("A 4-bit wiring has four data lines, D4 to D7.", nameof(dataPins));
        }

        RegisterSelectPin = registerSelectPin;
        EnablePin = enablePin;
        _dataPins = [.. dataPins];
        BacklightPin = backlightPin;
        _controller = new Hd44780Controller(columns, rows);
        var wired = new HashSet<int> { registerSelectPin, enablePin };
        wired.UnionWith(_dataPins);
        if (backlightPin >= 0)
        {
            wired.Add(backlightPin);
        }

        if (wired.Count != 6 + (backlightPin >= 0 ? 1 : 0))
        {
            throw new ArgumentException("Every signal needs its own GPIO line.", nameof(dataPins));
        }

        foreach (int pin in wired)
        {
            _levels[pin] = false;
        }
    }

    /// <summary>The GPIO line of RS.</summary>
    public int RegisterSelectPin { get; }

    /// <summary>The GPIO line of E.</summary>
    public int EnablePin { get; }

    /// <summary>The GPIO lines of D4–D7.</summary>
    public IReadOnlyList<int> DataPins => _dataPins;

    /// <summary>The GPIO line of the backlight transistor, or −1 when the backlight is wired to the supply.</summary>
    public int BacklightPin { get; }

    /// <summary>Visible characters per row.</summary>
    public int Columns => _controller.Columns;

    /// <summary>Visible rows.</summary>
    public int Rows => _controller.Rows;

    /// <summary>Whether the display is switched on.</summary>
    public bool DisplayOn => _controller.DisplayOn;

    /// <summary>Whether the backlight is lit: always when it is wired to the supply, else when its line is high.</summary>
    public bool BacklightOn
    {
        get
        {
            lock (_gate)
            {
                return BacklightPin < 0 || _levels[BacklightPin];
            }
        }
    }

    /// <summary>
    /// While set, opening any of the module's lines fails with an <see cref="IOException"/>, as when the GPIO chip is
    /// missing or another process holds the lines.
    /// </summary>
    public bool Unavailable
    {
        get => Volatile.Read(ref _unavailable);
        set => Volatile.Write(ref _unavailable, value);
    }

    /// <summary>How many falling edges of E the module has seen.</summary>
    public int Strobes { get; private set; }

    /// <summary>The text a person reads on row <paramref name="line"/> (0 to <see cref="Rows"/> − 1); blank when the display is off.</summary>
    public string Line(int line) => _controller.Row(line);

    /// <summary>Every row, top to bottom, for assertion messages.</summary>
    public string Screen() => string.Join('\n', Enumerable.Range(0, Rows).Select(r => $"|{Line(r)}|"));

    /// <summary>A GPIO driver that sees this module on its lines. Each <see cref="GpioController"/> needs its own, as the controller disposes its driver.</summary>
    public GpioDriver CreateDriver() => new SimulatedHd44780GpioDriver(this);

    internal bool IsWired(int pin)
    {
        lock (_gate)
        {
            return _levels.ContainsKey(pin);
        }
    }

    internal bool Level(int pin)
    {
        lock (_gate)
        {
            return _levels[pin];
        }
    }

    internal void Drive(int pin, bool high)
    {
        lock (_gate)
        {
            bool before = _levels[pin];
            _levels[pin] = high;
            if (pin != EnablePin || !before || high)
            {
                return;
            }

            // Falling edge of E: the controller latches RS and D4–D7 (R/W is tied to ground: always a write).
            byte bus = 0;
            for (int i = 0; i < _dataPins.Length; i++)
            {
                if (_levels[_dataPins[i]])
                {
                    bus |= (byte)(0x10 << i);
                }
            }

            Strobes++;
            _controller.Strobe(_levels[RegisterSelectPin], read: false, bus);
        }
    }
}
