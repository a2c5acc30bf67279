namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// Walks the EPC/PDC/EDT triples of a <see cref="PropertyList"/> without allocating.
/// </summary>
public ref struct PropertyListEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private int _left;
    private EchonetProperty _current;

    internal PropertyListEnumerator(ReadOnlySpan<byte> encoded, int count)
    {
        _remaining = encoded;
        _left = count;
        _current = default;
    }

    public readonly EchonetProperty Current => _current;

    public bool MoveNext()
    {
        // Counting down OPC as well as checking the length keeps a default (empty) enumerator and a validated one on
        // the same path; the length check is what keeps the slicing below in bounds.
        if (_left == 0 || _remaining.Length < 2)
        {
            return false;
        }

        int pdc = _remaining[1];
        if (_remaining.Length - 2 < pdc)
        {
            return false;
        }

        _current = new EchonetProperty(_remaining[0], _remaining.Slice(2, pdc));
        _remaining = _remaining[(2 + pdc)..];
        _left--;
        return true;
    }
}
