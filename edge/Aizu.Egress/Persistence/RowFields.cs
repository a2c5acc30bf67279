namespace Aizu.Egress;

/// <summary>
/// Feeds row values into a hash or MAC unambiguously: each field as a 4-byte big-endian length (−1 for
/// NULL) and its bytes, so no two different rows produce the same input ("ab","c" ≠ "a","bc").
/// </summary>
internal static class RowFields
{
    public static void Append(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            AppendLength(hash, -1);
            return;
        }

        Append(hash, Encoding.UTF8.GetBytes(value));
    }

    public static void Append(IncrementalHash hash, long? value) =>
        Append(hash, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static void Append(IncrementalHash hash, ReadOnlySpan<byte> value)
    {
        AppendLength(hash, value.Length);
        hash.AppendData(value);
    }

    private static void AppendLength(IncrementalHash hash, int length)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, length);
        hash.AppendData(prefix);
    }
}
