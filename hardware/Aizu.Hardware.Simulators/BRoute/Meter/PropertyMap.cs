namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// EDT of the property-map properties 0x9D/0x9E/0x9F (ECHONET Lite Appendix, "Property map description format"):
/// a count and the EPCs while there are fewer than 16, otherwise a count and a 16-byte bitmap.
/// </summary>
internal static class PropertyMap
{
    public static byte[] Encode(ReadOnlySpan<byte> epcs)
    {
        if (epcs.Length < 16)
        {
            var list = new byte[epcs.Length + 1];
            list[0] = (byte)epcs.Length;
            epcs.CopyTo(list.AsSpan(1));
            return list;
        }

        // Byte 1 + n holds EPCs 0x8n, 0x9n, … 0xFn in bits 0 to 7.
        var bitmap = new byte[17];
        bitmap[0] = (byte)epcs.Length;
        foreach (var epc in epcs)
        {
            bitmap[1 + (epc & 0x0F)] |= (byte)(1 << ((epc >> 4) - 8));
        }

        return bitmap;
    }
}
