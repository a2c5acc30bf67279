namespace Aizu.Hardware.Sml;

/// <summary>
/// Some DZG DVS74 meters encode a positive power (1-0:16.7.0) as a one- or two-byte <em>signed</em> integer, so an
/// import of 356.24 W reads as −299.12 W. Only meters in the serial ranges 42000000–48999999 and 55000000–58999999
/// are affected (later firmware, from 60000000, is right); a real negative power they send in four bytes.
/// </summary>
/// <remarks>
/// The same rule as volkszaehler/libsml (<c>sml/src/sml_list.c</c>, <c>detect_buggy_dzg_dvs74</c>, commit dc096b4):
/// the meter is recognised by its identifier 1-0:96.1.0, ten bytes <c>0A 01 'D' 'Z' 'G'</c> and a big-endian serial
/// in the last five; only then is a short signed power read as unsigned. Tested with the capture
/// <c>DZG_DVS-7412.2_jmberg.bin</c> from devZer0/libsml-testing, whose submitter states the true value.
/// </remarks>
internal static class DzgPowerQuirk
{
    private const int IdentifierLength = 10;

    private static readonly byte[] DzgPrefix = [0x0A, 0x01, (byte)'D', (byte)'Z', (byte)'G'];

    private static readonly (ulong First, ulong Last)[] AffectedSerials = [(42_000_000, 48_999_999), (55_000_000, 58_999_999)];

    /// <summary>The entries with the power corrected when the list comes from an affected meter; otherwise the same list.</summary>
    public static List<SmlListEntry> Correct(List<SmlListEntry> entries)
    {
        if (!entries.Exists(IsAffectedMeter))
        {
            return entries;
        }

        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Obis is { } obis && obis.IsElectricity(16, 7, 0) && obis.F == 255
                && e.Value is { Kind: SmlValueKind.SignedInteger, Number: < 0 and var n, Size: 1 or 2 })
            {
                decimal unsigned = n + (e.Value.Size == 1 ? 0x100 : 0x10000);
                entries[i] = e with { Value = e.Value with { Kind = SmlValueKind.UnsignedInteger, Number = unsigned } };
            }
        }

        return entries;
    }

    private static bool IsAffectedMeter(SmlListEntry entry)
    {
        if (entry.Obis is not { A: 1, B: 0, C: 96, D: 1, E: 0, F: 255 } || entry.Value.Bytes is not { Length: IdentifierLength } id
            || !id.AsSpan(0, 5).SequenceEqual(DzgPrefix))
        {
            return false;
        }

        ulong serial = 0;
        foreach (byte b in id.AsSpan(5))
        {
            serial = (serial << 8) | b;
        }

        return Array.Exists(AffectedSerials, r => serial >= r.First && serial <= r.Last);
    }
}
