namespace Aizu.Testing.Display;

/// <summary>
/// Looks at the simulated OLED as a person would: does this text appear anywhere on it, in the
/// bindings' 5×8 font at this size? The expected text is rasterised here, independently of the
/// production drawing code, and compared pixel for pixel (lit glyph pixels and the dark gaps around them).
/// </summary>
public static class ScreenReader
{
    public static bool Shows(SimulatedSsd1306 screen, string text, int scale, bool inverted = false)
    {
        var expected = Rasterise(text, scale);
        int width = expected.GetLength(0);
        int height = expected.GetLength(1);
        var seen = Snapshot(screen);
        for (int top = 0; top + height <= screen.Height; top++)
        {
            for (int left = 0; left + width <= screen.Width; left++)
            {
                if (Matches(seen, expected, left, top, inverted))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static int LitPixels(SimulatedSsd1306 screen, int left, int top, int width, int height)
    {
        int lit = 0;
        for (int y = top; y < top + height; y++)
        {
            for (int x = left; x < left + width; x++)
            {
                lit += screen.IsPixelLit(x, y) ? 1 : 0;
            }
        }

        return lit;
    }

    private static bool[,] Snapshot(SimulatedSsd1306 screen)
    {
        var pixels = new bool[screen.Width, screen.Height];
        for (int y = 0; y < screen.Height; y++)
        {
            for (int x = 0; x < screen.Width; x++)
            {
                pixels[x, y] = screen.IsPixelLit(x, y);
            }
        }

        return pixels;
    }

    private static bool[,] Rasterise(string text, int scale)
    {
        var font = new Font5x8();

        // Seven glyph rows (the eighth is the font's descender gap) and the one-pixel gaps between letters.
        int width = ((text.Length * 6) - 1) * scale;
        int height = 7 * scale;
        var pixels = new bool[width, height];
        for (int i = 0; i < text.Length; i++)
        {
            font.GetCharData(text[i], out ReadOnlySpan<ushort> rows);
            for (int row = 0; row < 7; row++)
            {
                for (int column = 0; column < 5; column++)
                {
                    bool lit = (rows[row] & (0x10 >> column)) != 0;
                    for (int dy = 0; dy < scale; dy++)
                    {
                        for (int dx = 0; dx < scale; dx++)
                        {
                            pixels[(((i * 6) + column) * scale) + dx, (row * scale) + dy] = lit;
                        }
                    }
                }
            }
        }

        return pixels;
    }

    private static bool Matches(bool[,] seen, bool[,] expected, int left, int top, bool inverted)
    {
        for (int y = 0; y < expected.GetLength(1); y++)
        {
            for (int x = 0; x < expected.GetLength(0); x++)
            {
                if (seen[left + x, top + y] != (expected[x, y] ^ inverted))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
