namespace Aizu.Hardware.Dsmr;

/// <summary>
/// The values of one object as slices of the telegram: <c>(a)(b)…</c>, possibly over several lines (DSMR 2.2/3 gas
/// objects continue on the next line). <see cref="ObjectLine"/> has checked the form, so every value is a
/// <c>(</c>, bytes without parentheses and a <c>)</c>; only line ends separate them.
/// </summary>
internal readonly ref struct CosemValues
{
    private readonly ReadOnlySpan<byte> _text;

    public CosemValues(ReadOnlySpan<byte> text, int count)
    {
        _text = text;
        Count = count;
    }

    public int Count { get; }

    /// <summary>Value <paramref name="index"/> without its parentheses.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var rest = _text;
            while (true)
            {
                int open = rest.IndexOf((byte)'(');
                rest = rest[(open + 1)..];
                int close = rest.IndexOf((byte)')');
                if (index-- == 0)
                {
                    return rest[..close];
                }

                rest = rest[(close + 1)..];
            }
        }
    }
}
