namespace Aizu.Hardware.Simulators.Display;

/// <summary>
/// The HD44780 controller itself, shared by the simulated modules whatever drives its pins (a PCF8574 backpack or the
/// Pi's GPIO). It sees what the chip sees: on every falling edge of E, the levels of RS, R/W and DB0–DB7. It starts in
/// 8-bit mode as after power-on, follows the 4-bit initialisation (then takes two nibbles on DB4–DB7 per byte), and
/// keeps the display RAM, address counter, entry mode, display control and shift the way the datasheet describes, so
/// a test can read the characters a person would see on a 16×2 or 20×4 module.
/// </summary>
internal sealed class Hd44780Controller
{
    /// <summary>Characters per line of display RAM in two-line mode (0x00–0x27 and 0x40–0x67).</summary>
    private const int LineLength = 40;

    private readonly Lock _gate = new();
    private readonly byte[] _ddram = new byte[0x68];
    private bool _fourBit;
    private bool _haveHighNibble;
    private byte _highNibble;
    private int _address;
    private bool _increment = true;
    private bool _shiftDisplay;
    private int _shift;
    private bool _displayOn;
    private bool _twoLines;
    private bool _writingCgram;

    /// <summary>Creates a controller on a module with <paramref name="columns"/> × <paramref name="rows"/> visible characters.</summary>
    public Hd44780Controller(int columns, int rows)
    {
        if ((columns, rows) is not ((16, 2) or (20, 4) or (16, 4) or (20, 2)))
        {
            throw new ArgumentOutOfRangeException(nameof(columns), $"{columns}×{rows}", "HD44780 modules are 16×2, 20×2, 16×4 or 20×4.");
        }

        Columns = columns;
        Rows = rows;
        Array.Fill(_ddram, (byte)' ');
    }

    /// <summary>Visible characters per row.</summary>
    public int Columns { get; }

    /// <summary>Visible rows.</summary>
    public int Rows { get; }

    /// <summary>Whether the display is switched on (display control D bit).</summary>
    public bool DisplayOn
    {
        get
        {
            lock (_gate)
            {
                return _displayOn;
            }
        }
    }

    /// <summary>Whether the interface has been switched to 4-bit mode.</summary>
    public bool FourBitMode
    {
        get
        {
            lock (_gate)
            {
                return _fourBit;
            }
        }
    }

    /// <summary>
    /// The text on row <paramref name="row"/>; blank when the display is off. Rows 2 and 3 of a four-row module are the
    /// continuation of display RAM lines 1 and 2 (addresses 0x14 and 0x54 on a 20-column module).
    /// </summary>
    public string Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        lock (_gate)
        {
            var text = new char[Columns];
            bool shown = _displayOn && (row == 0 || _twoLines);
            int lineStart = row % 2 == 0 ? 0x00 : 0x40;
            int firstColumn = (row / 2) * Columns;
            for (int x = 0; x < Columns; x++)
            {
                int offset = (((firstColumn + x + _shift) % LineLength) + LineLength) % LineLength;
                text[x] = shown ? ToChar(_ddram[lineStart + offset]) : ' ';
            }

            return new string(text);
        }
    }

    /// <summary>
    /// E went from high to low: the controller latches RS, R/W and the data bus. In 4-bit mode only DB4–DB7 (the high
    /// nibble of <paramref name="dataBus"/>) are wired and two strobes make one byte.
    /// </summary>
    public void Strobe(bool registerSelect, bool read, byte dataBus)
    {
        if (read)
        {
            // A read (busy flag or RAM) changes nothing the simulation keeps, except that in 4-bit mode it takes two strobes too.
            return;
        }

        lock (_gate)
        {
            if (!_fourBit)
            {
                Execute(registerSelect, dataBus);
                return;
            }

            byte nibble = (byte)(dataBus >> 4);
            if (!_haveHighNibble)
            {
                _highNibble = nibble;
                _haveHighNibble = true;
                return;
            }

            _haveHighNibble = false;
            Execute(registerSelect, (byte)((_highNibble << 4) | nibble));
        }
    }

    private static char ToChar(byte code) => code switch
    {
        // The Japanese A00 character ROM puts the yen sign where ASCII has a backslash.
        0x5C => '¥',
        >= 0x20 and <= 0x7D => (char)code,
        _ => '?',
    };

    private void Execute(bool data, byte value)
    {
        if (data)
        {
            if (!_writingCgram)
            {
                _ddram[_address] = value;
                Advance();
            }

            return;
        }

        switch (value)
        {
            case >= 0x80:
                // Set DDRAM address; addresses between the two lines do not exist and land on the second line.
                _address = value & 0x7F;
                _address = _address is > 0x27 and < 0x40 ? 0x40 : Math.Min(_address, 0x67);
                _writingCgram = false;
                break;
            case >= 0x40:
                // Set CGRAM address: data writes now define custom characters.
                _writingCgram = true;
                break;
            case >= 0x20:
                // Function set: DL (8-bit), N (two lines), F (font).
                _fourBit = (value & 0x10) == 0;
                _haveHighNibble = false;
                _twoLines = (value & 0x08) != 0;
                break;
            case >= 0x10:
                // Cursor or display shift.
                bool display = (value & 0x08) != 0;
                bool right = (value & 0x04) != 0;
                if (display)
                {
                    _shift += right ? -1 : 1;
                }
                else
                {
                    Step(right);
                }

                break;
            case >= 0x08:
                _displayOn = (value & 0x04) != 0;
                break;
            case >= 0x04:
                _increment = (value & 0x02) != 0;
                _shiftDisplay = (value & 0x01) != 0;
                break;
            case >= 0x02:
                _address = 0;
                _shift = 0;
                _writingCgram = false;
                break;
            case 0x01:
                Array.Fill(_ddram, (byte)' ');
                _address = 0;
                _shift = 0;
                _increment = true;
                _writingCgram = false;
                break;
            default:
                break;
        }
    }

    private void Advance()
    {
        Step(_increment);
        if (_shiftDisplay)
        {
            _shift += _increment ? 1 : -1;
        }
    }

    private void Step(bool forward)
    {
        // In two-line mode the address runs 0x00–0x27 then 0x40–0x67 and wraps round.
        _address = forward
            ? _address switch { 0x27 => 0x40, 0x67 => 0x00, _ => _address + 1 }
            : _address switch { 0x00 => 0x67, 0x40 => 0x27, _ => _address - 1 };
    }
}
