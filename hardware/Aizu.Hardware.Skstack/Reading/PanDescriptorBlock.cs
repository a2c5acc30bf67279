namespace Aizu.Hardware.Skstack;

/// <summary>
/// Collects the indented lines that follow <c>EPANDESC</c> until the block is complete.
/// </summary>
/// <remarks>
/// Block layout ("BP35A1コマンドリファレンス 4.5 EPANDESC" via smdn/Smdn.Net.SkStackIP SkStackEventParser.cs; BP35C0
/// form with <c>Side:</c> from the Zig BP35C0 driver's EPANDESC test and u-one/go-el-controller's RL7023 tests):
/// <code>
/// EPANDESC
///   Channel:21
///   Channel Page:09
///   Pan ID:8888
///   Addr:12345678ABCDEF01
///   LQI:E1
///   Side:0            (BP35C0 style only)
///   PairID:AABBCCDD   (active scan with IE only)
/// </code>
/// PairID is always the last line when present, so the block ends there at once; a block without PairID (scan
/// mode 3) ends at the next line that is not indented. Indentation varies between firmware and emulators (two
/// spaces in the manual, one in some emulators), so any leading blanks are accepted; unknown keys are ignored.
/// </remarks>
internal sealed class PanDescriptorBlock
{
    private const int MaxLines = 16;

    private readonly List<string> lines = ["EPANDESC"];
    private byte? channel;
    private byte? channelPage;
    private ushort? panId;
    private string? macAddress;
    private byte? lqi;
    private string? pairId;
    private string? error;

    /// <summary>True once the PairID line, the block's last line, was seen.</summary>
    public bool IsComplete { get; private set; }

    public static bool IsIndented(byte first) => first is (byte)' ' or (byte)'\t';

    public void Add(string line)
    {
        if (lines.Count >= MaxLines)
        {
            error ??= "EPANDESC block has too many lines";
            IsComplete = true;
            return;
        }

        lines.Add(line);
        var entry = line.AsSpan().TrimStart(" \t");
        var colon = entry.IndexOf(':');
        if (colon < 0)
        {
            error ??= "EPANDESC line has no colon";
            return;
        }

        var key = entry[..colon].Trim();
        var value = entry[(colon + 1)..].Trim();
        if (key.Equals("Channel", StringComparison.OrdinalIgnoreCase))
        {
            channel = (byte?)ParseHex(value, 2, "Channel");
        }
        else if (key.Equals("Channel Page", StringComparison.OrdinalIgnoreCase))
        {
            channelPage = (byte?)ParseHex(value, 2, "Channel Page");
        }
        else if (key.Equals("Pan ID", StringComparison.OrdinalIgnoreCase))
        {
            panId = (ushort?)ParseHex(value, 4, "Pan ID");
        }
        else if (key.Equals("Addr", StringComparison.OrdinalIgnoreCase))
        {
            macAddress = SkstackAddress.IsMacAddress(value) ? value.ToString() : Malformed("Addr");
        }
        else if (key.Equals("LQI", StringComparison.OrdinalIgnoreCase))
        {
            lqi = (byte?)ParseHex(value, 2, "LQI");
        }
        else if (key.Equals("Side", StringComparison.OrdinalIgnoreCase))
        {
            if (value.Length != 1 || !char.IsAsciiDigit(value[0]))
            {
                error ??= "EPANDESC Side is not a digit";
            }
        }
        else if (key.Equals("PairID", StringComparison.OrdinalIgnoreCase))
        {
            pairId = WireText.IsToken(value) ? value.ToString() : Malformed("PairID");
            IsComplete = true;
        }
    }

    public SkstackMessage Finish()
    {
        var text = string.Join('\n', lines);
        if (error is not null)
        {
            return new SkstackUnrecognizedLine(text, error);
        }

        if (channel is not { } ch || channelPage is not { } page || panId is not { } pan || macAddress is null
            || lqi is not { } quality)
        {
            return new SkstackUnrecognizedLine(text, "EPANDESC block is incomplete");
        }

        return new SkstackPanDescriptor(ch, page, pan, macAddress, quality, pairId);
    }

    private uint? ParseHex(ReadOnlySpan<char> value, int maxDigits, string key)
    {
        if (AsciiHex.TryParse(value, maxDigits, out var parsed))
        {
            return parsed;
        }

        Malformed(key);
        return null;
    }

    private string? Malformed(string key)
    {
        error ??= $"EPANDESC {key} is malformed";
        return null;
    }
}
