using System.Device.I2c;
using Aizu.Hardware.Simulators.Sensors;

namespace Aizu.Hardware.Simulators.Display;

/// <summary>
/// A 16×2 HD44780 character LCD behind the usual PCF8574 I2C backpack (P0 = RS, P1 = R/W, P2 = E,
/// P3 = backlight, P4–P7 = D4–D7). It latches nibbles on the falling edge of E, starts in 8-bit
/// mode as after power-on, follows the 4-bit initialisation, and keeps the 80-byte display RAM so
/// a test can read the two lines a person would see.
/// </summary>
public sealed class SimulatedHd44780Backpack : SimulatedI2cDevice
{
    private const int LineLength = 40;
    private readonly byte[] _ddram = new byte[0x68];
    private byte _port = 0xFF;
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

    /// <summary>Creates the module at <paramref name="settings"/> (backpacks answer at 0x27 or 0x3F).</summary>
    public SimulatedHd44780Backpack(I2cConnectionSettings settings, int columns = 16)
        : base(settings)
    {
        Columns = columns;
        Array.Fill(_ddram, (byte)' ');
    }

    /// <summary>Visible characters per line.</summary>
    public int Columns { get; }

    /// <summary>Whether the backlight transistor is switched on.</summary>
    public bool BacklightOn
    {
        get
        {
            lock (_ddram)
            {
                return (_port & 0x08) != 0;
            }
        }
    }

    /// <summary>Whether the display is switched on.</summary>
    public bool DisplayOn
    {
        get
        {
            lock (_ddram)
            {
                return _displayOn;
            }
        }
    }

    /// <summary>The text a person reads on line <paramref name="line"/> (0 or 1); blank when the display is off.</summary>
    public string Line(int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(line, 1);
        lock (_ddram)
        {
            var text = new char[Columns];
            for (int x = 0; x < Columns; x++)
            {
                bool shown = _displayOn && (line == 0 || _twoLines);
                int address = (line == 0 ? 0 : 0x40) + (((x + _shift) % LineLength) + LineLength) % LineLength;
                text[x] = shown ? ToChar(_ddram[address]) : ' ';
            }

            return new string(text);
        }
    }

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        lock (_ddram)
        {
            foreach (byte value in data)
            {
                bool enableFell = (_port & 0x04) != 0 && (value & 0x04) == 0;
                _port = value;
                if (enableFell && (value & 0x02) == 0)
                {
                    Latch((value & 0x01) != 0, (byte)(value >> 4));
                }
            }
        }
    }

    /// <inheritdoc />
    protected override void OnRead(Span<byte> data) => data.Fill(_port);

    private static char ToChar(byte code) => code switch
    {
        // The Japanese A00 character ROM puts the yen sign where ASCII has a backslash.
        0x5C => '¥',
        >= 0x20 and <= 0x7D => (char)code,
        _ => '?',
    };

    private void Latch(bool data, byte nibble)
    {
        if (!_fourBit)
        {
            // 8-bit interface: D0–D3 are not wired on a backpack and read as low.
            Execute(data, (byte)(nibble << 4));
            return;
        }

        if (!_haveHighNibble)
        {
            _highNibble = nibble;
            _haveHighNibble = true;
            return;
        }

        _haveHighNibble = false;
        Execute(data, (byte)((_highNibble << 4) | nibble));
    }

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
                _address = value & 0x7F;
                _address = _address is > 0x27 and < 0x40 ? 0x40 : Math.Min(_address, 0x67);
                _writingCgram = false;
                break;
            case >= 0x40:
                _writingCgram = true;
                break;
            case >= 0x20:
                bool eightBit = (value & 0x10) != 0;
                _twoLines = (value & 0x08) != 0;
                if (!eightBit && !_fourBit)
                {
                    _fourBit = true;
                    _haveHighNibble = false;
                }

                break;
            case >= 0x10:
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
                break;
            case 0x01:
                Array.Fill(_ddram, (byte)' ');
                _address = 0;
                _shift = 0;
                _increment = true;
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
