namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// The properties of one OPC-counted list of a parsed frame, read lazily from the frame's bytes.
/// </summary>
/// <remarks>
/// Only <see cref="EchonetFrame"/> creates non-empty lists, after checking that every PDC fits, so walking the
/// list needs no further validation and never allocates.
/// </remarks>
public readonly ref struct PropertyList
{
    private readonly ReadOnlySpan<byte> _encoded;

    internal PropertyList(ReadOnlySpan<byte> encoded, int count)
    {
        _encoded = encoded;
        Count = count;
    }

    /// <summary>The OPC of this list.</summary>
    public int Count { get; }

    public bool IsEmpty => Count == 0;

    public PropertyListEnumerator GetEnumerator() => new(_encoded, Count);

    /// <summary>
    /// Finds the first property with the given EPC. A Get_SNA answers unavailable properties with PDC 0, so a
    /// found property may still have an empty EDT.
    /// </summary>
    public bool TryFind(byte epc, out ReadOnlySpan<byte> edt)
    {
        foreach (var property in this)
        {
            if (property.Epc == epc)
            {
                edt = property.Edt;
                return true;
            }
        }

        edt = default;
        return false;
    }
}
