namespace Aizu.Hardware.Display;

/// <summary>
/// A 1-bit picture in the SSD1306's memory layout (pages of eight rows, least significant bit on top),
/// with text drawn in the bindings' <see cref="Font5x8"/>, optionally scaled up.
/// </summary>
internal sealed class MonochromeFrame
{
    private readonly byte[] _pages;

    public MonochromeFrame(int width, int height)
    {
        Width = width;
        Height = height;
        _pages = new byte[width * height / 8];
    }

    public int Width { get; }

    public int Height { get; }

    public int PageCount => Height / 8;

    /// <summary>The glyph cell: 5 pixels of glyph and 1 of spacing across, 8 rows down.</summary>
    public static int CharacterAdvance(int scale) => 6 * scale;

    public ReadOnlySpan<byte> Page(int page) => _pages.AsSpan(page * Width, Width);

    public void Clear() => Array.Clear(_pages);

    public void Set(int x, int y, bool lit)
    {
        if (x < 0 || x >= Width || y < 0 || y >= Height)
        {
            return;
        }

        ref byte cell = ref _pages[((y / 8) * Width) + x];
        byte mask = (byte)(1 << (y % 8));
        cell = lit ? (byte)(cell | mask) : (byte)(cell & ~mask);
    }

    public void Fill(int x, int y, int width, int height, bool lit)
    {
        for (int row = y; row < y + height; row++)
        {
            for (int column = x; column < x + width; column++)
            {
                Set(column, row, lit);
            }
        }
    }

    /// <summary>Draws <paramref name="text"/> with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), each font pixel a <paramref name="scale"/>-sized square.</summary>
    public void DrawText(Font5x8 font, int x, int y, string text, int scale, bool lit = true)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            font.GetCharData(c, out ReadOnlySpan<ushort> rows);
            for (int row = 0; row < font.Height; row++)
            {
                for (int column = 0; column < font.Width; column++)
                {
                    // Font rows are bit masks with the leftmost pixel in the highest of Width bits.
                    if (((rows[row] >> (font.Width - 1 - column)) & 1) != 0)
                    {
                        Fill(x + (column * scale), y + (row * scale), scale, scale, lit);
                    }
                }
            }

            x += CharacterAdvance(scale);
        }
    }
}
