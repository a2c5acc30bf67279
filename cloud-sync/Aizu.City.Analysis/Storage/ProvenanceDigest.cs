namespace Aizu.City.Analysis;

/// <summary>
/// A released cell's provenance: <c>sha256:</c> and the first 32 hex digits (lower case) of SHA-256 over the UTF-8 text
/// <c>{audit entry}\n{cell key}\n{consent snapshot digest}</c> (docs/city.md, "The rules, their defaults and why").
/// Written straight into the response's bytes: a large table has one per released cell, and building each as a
/// string was a measurable part of the request.
/// </summary>
internal static class ProvenanceDigest
{
    /// <summary>Bytes of one digest: <c>sha256:</c> and 32 hex digits.</summary>
    public const int Length = 7 + 32;

    private const int StackInput = 512;

    /// <summary>Writes the digest of <paramref name="key"/> in audit entry <paramref name="auditSeq"/>, resting on the
    /// consent snapshot <paramref name="snapshot"/>, into the first <see cref="Length"/> bytes of <paramref name="destination"/>;
    /// <paramref name="sha256"/>, when given, is reused (a table's digests through one hash object cost about a third
    /// less than one-shot hashing, which sets up the platform's hash context each time).</summary>
    public static void Write(long auditSeq, CellKey key, string snapshot, Span<byte> destination, IncrementalHash? sha256 = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var size = 20 + 1 + (3 * key.Area.Length) + 40 + 1 + Encoding.UTF8.GetMaxByteCount(snapshot.Length);
        byte[]? rented = null;
        Span<byte> input = size <= StackInput ? stackalloc byte[StackInput] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            Utf8.TryWrite(input, System.Globalization.CultureInfo.InvariantCulture, $"{auditSeq}\n{key}\n{snapshot}", out var written);
            Hash(input[..written], destination, sha256);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The digest as a string (CSV, tests).</summary>
    public static string Of(long auditSeq, CellKey key, string snapshot)
    {
        Span<byte> digest = stackalloc byte[Length];
        Write(auditSeq, key, snapshot, digest);
        return Encoding.ASCII.GetString(digest);
    }

    /// <summary>Writes the digest of the hashed text <paramref name="input"/> (as <see cref="Write"/> builds it) into
    /// the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> destination, IncrementalHash? sha256)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (sha256 is null)
        {
            SHA256.HashData(input, hash);
        }
        else
        {
            sha256.AppendData(input);
            sha256.GetHashAndReset(hash);
        }

        "sha256:"u8.CopyTo(destination);
        for (var i = 0; i < 16; i++)
        {
            destination[7 + (2 * i)] = Hex(hash[i] >> 4);
            destination[8 + (2 * i)] = Hex(hash[i] & 0xF);
        }
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
