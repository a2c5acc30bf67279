namespace Aizu.Hardware.Simulators.Display;

/// <summary>
/// An SSD1306 OLED module on I2C that interprets the command stream the way the controller does —
/// control bytes (Co, D/C), addressing modes (horizontal, vertical, page), column and page address
/// windows, data writes into the 128×64 GDDRAM — and shows what a person would see on the glass:
/// display on/off, charge pump, segment and COM remap, start line, inverse and entire-display-on.
/// The module is wired like the common 0.91"/0.96" boards: upright with segment remap (0xA1) and
/// COM scan remap (0xC8), COM pins sequential on 32-row panels and alternative on 64-row panels.
/// </summary>
public sealed class SimulatedSsd1306 : SimulatedI2cDevice
{
    private const int Columns = 128;
    private const int Pages = 8;
    private readonly byte[,] _ram = new byte[Pages, Columns];
    private readonly List<byte> _command = [];
    private int _addressingMode = 2;
    private int _columnStart;
    private int _columnEnd = Columns - 1;
    private int _pageStart;
    private int _pageEnd = Pages - 1;
    private int _column;
    private int _page;
    private bool _displayOn;
    private bool _chargePump;
    private bool _inverse;
    private bool _entireOn;
    private bool _segmentRemap;
    private bool _comRemap;
    private bool _comAlternative = true;
    private int _multiplex = 63;
    private int _startLine;
    private int _offset;

    /// <summary>Creates a module <paramref name="height"/> pixels tall (32 or 64) at <paramref name="settings"/>.</summary>
    public SimulatedSsd1306(I2cConnectionSettings settings, int height = 32)
        : base(settings)
    {
        if (height is not (32 or 64))
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "SSD1306 modules are 32 or 64 rows tall.");
        }

        Height = height;
    }

    /// <summary>The panel's width in pixels.</summary>
    public int Width { get; } = Columns;

    /// <summary>The panel's height in pixels.</summary>
    public int Height { get; }

    /// <summary>Whether the display is switched on and powered (charge pump enabled).</summary>
    public bool IsLit
    {
        get
        {
            lock (_ram)
            {
                return _displayOn && _chargePump;
            }
        }
    }

    /// <summary>How many data bytes have been written into GDDRAM.</summary>
    public long DataBytesWritten { get; private set; }

    /// <summary>Whether the pixel at (<paramref name="x"/>, <paramref name="y"/>), from the top-left corner as a person faces the module, is lit.</summary>
    public bool IsPixelLit(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        lock (_ram)
        {
            if (!_displayOn || !_chargePump)
            {
                return false;
            }

            if (_entireOn)
            {
                return true;
            }

            // Which COM line drives this row of the glass, given how the module is wired.
            bool nativeAlternative = Height == 64;
            int com = _comAlternative == nativeAlternative ? y : Interleave(y);
            if (com > _multiplex)
            {
                return false;
            }

            // The upright wiring expects both remaps; without them the image is mirrored.
            int row = _comRemap ? com : _multiplex - com;
            int ramRow = (row + _startLine + _offset) % 64;
            int ramColumn = _segmentRemap ? x : Columns - 1 - x;
            bool bit = ((_ram[ramRow / 8, ramColumn] >> (ramRow % 8)) & 1) != 0;
            return bit ^ _inverse;
        }
    }

    /// <summary>The visible picture as text, one line per row, '#' for a lit pixel and '.' for a dark one.</summary>
    public string RenderAscii()
    {
        var text = new StringBuilder((Width + 1) * Height);
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                text.Append(IsPixelLit(x, y) ? '#' : '.');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        lock (_ram)
        {
            int i = 0;
            while (i < data.Length)
            {
                byte control = data[i++];
                bool continuation = (control & 0x80) != 0;
                bool isData = (control & 0x40) != 0;
                if (continuation)
                {
                    // Co = 1: exactly one byte follows, then another control byte.
                    if (i < data.Length)
                    {
                        Consume(data[i++], isData);
                    }

                    continue;
                }

                // Co = 0: the rest of the transfer is all data or all commands.
                for (; i < data.Length; i++)
                {
                    Consume(data[i], isData);
                }
            }
        }
    }

    /// <inheritdoc />
    protected override void OnRead(Span<byte> data)
    {
        // Reading returns the status byte (bit 6: display off).
        data.Fill((byte)(_displayOn ? 0x00 : 0x40));
    }

    private static int ArgumentCount(byte command) => command switch
    {
        0x20 or 0x81 or 0x8D or 0xA8 or 0xD3 or 0xD5 or 0xD9 or 0xDA or 0xDB => 1,
        0x21 or 0x22 or 0xA3 => 2,
        0x29 or 0x2A => 5,
        0x26 or 0x27 => 6,
        _ => 0,
    };

    private int Interleave(int y)
    {
        int half = Height / 2;
        return y % 2 == 0 ? y / 2 : half + (y / 2);
    }

    private void Consume(byte value, bool isData)
    {
        if (isData)
        {
            WriteData(value);
            return;
        }

        _command.Add(value);
        if (_command.Count - 1 < ArgumentCount(_command[0]))
        {
            return;
        }

        Execute([.. _command]);
        _command.Clear();
    }

    private void Execute(byte[] command)
    {
        byte op = command[0];
        switch (op)
        {
            case <= 0x0F when _addressingMode == 2:
                _column = (_column & 0xF0) | op;
                break;
            case >= 0x10 and <= 0x1F when _addressingMode == 2:
                _column = ((op & 0x07) << 4) | (_column & 0x0F);
                break;
            case 0x20:
                _addressingMode = command[1] & 0x03;
                break;
            case 0x21:
                _columnStart = command[1] & 0x7F;
                _columnEnd = command[2] & 0x7F;
                _column = _columnStart;
                break;
            case 0x22:
                _pageStart = command[1] & 0x07;
                _pageEnd = command[2] & 0x07;
                _page = _pageStart;
                break;
            case >= 0x40 and <= 0x7F:
                _startLine = op & 0x3F;
                break;
            case 0x8D:
                _chargePump = (command[1] & 0x04) != 0;
                break;
            case 0xA0 or 0xA1:
                _segmentRemap = op == 0xA1;
                break;
            case 0xA4 or 0xA5:
                _entireOn = op == 0xA5;
                break;
            case 0xA6 or 0xA7:
                _inverse = op == 0xA7;
                break;
            case 0xA8:
                _multiplex = Math.Max(15, command[1] & 0x3F);
                break;
            case 0xAE or 0xAF:
                _displayOn = op == 0xAF;
                break;
            case >= 0xB0 and <= 0xB7 when _addressingMode == 2:
                _page = op & 0x07;
                break;
            case 0xC0 or 0xC8:
                _comRemap = op == 0xC8;
                break;
            case 0xD3:
                _offset = command[1] & 0x3F;
                break;
            case 0xDA:
                _comAlternative = (command[1] & 0x10) != 0;
                break;
            default:
                // Contrast, clock, pre-charge, VCOMH, scrolling: they change nothing a test can see.
                break;
        }
    }

    private void WriteData(byte value)
    {
        _ram[_page, _column] = value;
        DataBytesWritten++;
        switch (_addressingMode)
        {
            case 0:
                if (++_column > _columnEnd)
                {
                    _column = _columnStart;
                    _page = _page >= _pageEnd ? _pageStart : _page + 1;
                }

                break;
            case 1:
                if (++_page > _pageEnd)
                {
                    _page = _pageStart;
                    _column = _column >= _columnEnd ? _columnStart : _column + 1;
                }

                break;
            default:
                // Page mode: the column wraps within the page.
                _column = _column >= Columns - 1 ? 0 : _column + 1;
                break;
        }
    }
}
