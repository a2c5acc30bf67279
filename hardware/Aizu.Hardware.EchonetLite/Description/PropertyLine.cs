namespace Aizu.Hardware.EchonetLite.Description;

/// <summary>
/// One property of a described frame: "  EPC 0xE7 instantaneous electric power, PDC 4, EDT 000001F8 = 504 W".
/// </summary>
internal static class PropertyLine
{
    /// <summary>Longer EDTs (the 194-byte histories) are cut after this many bytes; the PDC still gives the size.</summary>
    private const int MaxHexBytes = 32;

    private const int HexBytesWhenCut = 16;

    public static void Append(
        StringBuilder text, EchonetObject owner, byte epc, ReadOnlySpan<byte> edt, EnergyScale energy, ListRole role)
    {
        text.Append(CultureInfo.InvariantCulture, $"  EPC 0x{epc:X2}");
        if (PropertyNames.Of(owner, epc) is { } name)
        {
            text.Append(' ').Append(name);
        }

        text.Append(CultureInfo.InvariantCulture, $", PDC {edt.Length}");

        if (edt.IsEmpty)
        {
            text.Append(role switch
            {
                ListRole.WriteAnswer or ListRole.WriteRefusal => " (accepted)",
                ListRole.ReadRefusal => " (not available)",
                _ => string.Empty,
            });
            return;
        }

        text.Append(", EDT ");
        if (edt.Length > MaxHexBytes)
        {
            text.Append(Convert.ToHexString(edt[..HexBytesWhenCut])).Append("...");
        }
        else
        {
            text.Append(Convert.ToHexString(edt));
        }

        if (PropertyValues.Describe(owner, epc, edt, energy) is { } value)
        {
            text.Append(value);
        }

        if (role == ListRole.WriteRefusal)
        {
            text.Append(" (not accepted)");
        }
    }
}
