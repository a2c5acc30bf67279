namespace Aizu.Hardware.Sml;

/// <summary>
/// Reads SML's type-length-value encoding: a TL byte (bit 7 more TL bytes follow, bits 6–4 the type, bits 3–0 the
/// length) then the value. For lists the length counts elements, otherwise bytes including the TL bytes. 0x01 is an
/// optional field left out, 0x00 the end of a message.
/// </summary>
internal ref struct SmlTlvReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public SmlTlvReader(ReadOnlySpan<byte> data) => _data = data;

    public readonly int Position => _position;

    public readonly bool End => _position >= _data.Length;

    public readonly byte Peek() => _position < _data.Length ? _data[_position] : throw Truncated("a value");

    /// <summary>Reads a TL field; for lists <c>length</c> is the element count, otherwise the number of value bytes.</summary>
    public (SmlType Type, int Length) ReadTl()
    {
        int start = _position;
        byte b = Next("a type-length field");
        var type = (SmlType)((b >> 4) & 0x7);
        int length = b & 0x0F;
        int tlBytes = 1;
        while ((b & 0x80) != 0)
        {
            b = Next("a type-length field");
            if ((b & 0x70) != 0 || ++tlBytes > 4)
            {
                throw Malformed(start, "a continued type-length field");
            }

            length = (length << 4) | (b & 0x0F);
        }

        if (type is not (SmlType.OctetString or SmlType.Boolean or SmlType.Signed or SmlType.Unsigned or SmlType.List))
        {
            throw Malformed(start, string.Create(CultureInfo.InvariantCulture, $"a type-length field of unknown type {(int)type}"));
        }

        if (type != SmlType.List)
        {
            length -= tlBytes;
            if (length < 0)
            {
                throw Malformed(start, "a length shorter than its own type-length field");
            }

            if (length > _data.Length - _position)
            {
                throw Truncated("a value of " + length.ToString(CultureInfo.InvariantCulture) + " bytes");
            }
        }

        return (type, length);
    }

    /// <summary>Consumes 0x01 (an optional field left out) if it is next.</summary>
    public bool TryReadAbsent()
    {
        if (_position < _data.Length && _data[_position] == 0x01)
        {
            _position++;
            return true;
        }

        return false;
    }

    public int ReadListHeader(string what)
    {
        int start = _position;
        var (type, count) = ReadTl();
        return type == SmlType.List ? count : throw Malformed(start, "a list for " + what);
    }

    public void ExpectList(int count, string what)
    {
        int start = _position;
        int actual = ReadListHeader(what);
        if (actual != count)
        {
            throw Malformed(start, string.Create(CultureInfo.InvariantCulture, $"a list of {count} elements for {what}, not {actual}"));
        }
    }

    public byte[] ReadOctetString(string what)
    {
        int start = _position;
        var (type, length) = ReadTl();
        if (type != SmlType.OctetString)
        {
            throw Malformed(start, "an octet string for " + what);
        }

        var bytes = _data.Slice(_position, length).ToArray();
        _position += length;
        return bytes;
    }

    public byte[]? ReadOptionalOctetString(string what) => TryReadAbsent() ? null : ReadOctetString(what);

    public ulong ReadUnsigned(string what) => ReadUnsignedBytes(ReadIntegerLength(SmlType.Unsigned, "an unsigned integer for ", what));

    public ulong? ReadOptionalUnsigned(string what) => TryReadAbsent() ? null : ReadUnsigned(what);

    public long ReadSigned(string what) => ReadSignedBytes(ReadIntegerLength(SmlType.Signed, "a signed integer for ", what));

    /// <summary>Any value: SML_Value is typed by its TL byte. Lists (SML_ListType, rare) are skipped as no value.</summary>
    public SmlValue ReadValue()
    {
        if (TryReadAbsent())
        {
            return SmlValue.None;
        }

        int start = _position;
        if (Peek() >> 4 is 7 or 0xF)
        {
            Skip();
            return SmlValue.None;
        }

        var (type, length) = ReadTl();
        switch (type)
        {
            case SmlType.OctetString:
                var bytes = _data.Slice(_position, length).ToArray();
                _position += length;
                return new SmlValue(SmlValueKind.Bytes, Bytes: bytes);
            case SmlType.Boolean when length == 1:
                return new SmlValue(SmlValueKind.Boolean, Boolean: _data[_position++] != 0);
            case SmlType.Signed when length is >= 1 and <= 8:
                return new SmlValue(SmlValueKind.SignedInteger, Number: ReadSignedBytes(length), Size: length);
            case SmlType.Unsigned when length is >= 1 and <= 8:
                return new SmlValue(SmlValueKind.UnsignedInteger, Number: ReadUnsignedBytes(length), Size: length);
            case SmlType.Signed or SmlType.Unsigned when length > 8 && length <= _data.Length - _position:
                // Wider than any register needs, but well formed: skip this value, not the file.
                _position += length;
                return new SmlValue(SmlValueKind.Unsupported, Size: length);
            default:
                throw Malformed(start, "a value");
        }
    }

    /// <summary>SML_Time: a list of (choice, seconds) or, from some meters, just the seconds.</summary>
    public SmlTime? ReadOptionalTime(string what)
    {
        if (TryReadAbsent())
        {
            return null;
        }

        if (Peek() >> 4 == (int)SmlType.Unsigned)
        {
            return new SmlTime(SmlTimeKind.SecondIndex, (uint)ReadUnsigned(what));
        }

        int start = _position;
        ExpectList(2, what);
        var kind = ReadUnsigned(what + " kind");
        switch (kind)
        {
            case 1 or 2:
                return new SmlTime((SmlTimeKind)kind, (uint)ReadUnsigned(what));
            case 3:
                ExpectList(3, what);
                var seconds = (uint)ReadUnsigned(what);
                var local = (short)ReadSigned(what + " local offset");
                var season = (short)ReadSigned(what + " season offset");
                return new SmlTime(SmlTimeKind.LocalTimestamp, seconds, local, season);
            default:
                throw Malformed(start, "an SML_Time kind 1, 2 or 3 for " + what);
        }
    }

    /// <summary>Skips one element, whatever its type.</summary>
    public void Skip()
    {
        if (TryReadAbsent())
        {
            return;
        }

        var (type, length) = ReadTl();
        if (type == SmlType.List)
        {
            for (int i = 0; i < length; i++)
            {
                Skip();
            }
        }
        else
        {
            _position += length;
        }
    }

    public void ExpectEndOfMessage()
    {
        int start = _position;
        if (Next("the end of a message") != 0x00)
        {
            throw Malformed(start, "the end-of-message byte 00");
        }
    }

    private ulong ReadUnsignedBytes(int length)
    {
        Span<byte> wide = stackalloc byte[8];
        wide.Clear();
        _data.Slice(_position, length).CopyTo(wide[(8 - length)..]);
        _position += length;
        return BinaryPrimitives.ReadUInt64BigEndian(wide);
    }

    private long ReadSignedBytes(int length)
    {
        Span<byte> wide = stackalloc byte[8];

        // Sign-extend: meters send 5- and 7-byte integers too.
        wide.Fill((_data[_position] & 0x80) != 0 ? (byte)0xFF : (byte)0x00);
        _data.Slice(_position, length).CopyTo(wide[(8 - length)..]);
        _position += length;
        return BinaryPrimitives.ReadInt64BigEndian(wide);
    }

    private byte Next(string what) => _position < _data.Length ? _data[_position++] : throw Truncated(what);

    private readonly SmlFormatException Truncated(string what) =>
        new(SmlErrorKind.Truncated, string.Create(CultureInfo.InvariantCulture, $"The SML file ends at byte {_position} where {what} should be: it was cut off."));

    // An integer's TL: the expected type and 1 to 8 bytes (SML has no wider integers); returns the byte count.
    private int ReadIntegerLength(SmlType expected, string description, string what)
    {
        int start = _position;
        var (type, length) = ReadTl();
        if (type != expected || length is < 1 or > 8)
        {
            throw Malformed(start, description + what);
        }

        return length;
    }

    private static SmlFormatException Malformed(int at, string expected) =>
        new(SmlErrorKind.Malformed, string.Create(CultureInfo.InvariantCulture, $"Expected {expected} at byte {at} of the SML file."));
}
