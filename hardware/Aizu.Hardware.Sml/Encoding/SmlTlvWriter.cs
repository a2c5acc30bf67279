namespace Aizu.Hardware.Sml;

/// <summary>Writes SML's type-length-value encoding, the counterpart of <see cref="SmlTlvReader"/>.</summary>
internal sealed class SmlTlvWriter
{
    private readonly ArrayBufferWriter<byte> _output = new(512);

    public int Position => _output.WrittenCount;

    public ReadOnlySpan<byte> Written => _output.WrittenSpan;

    public void List(int count) => Tl(SmlType.List, count, isList: true);

    public void Absent() => _output.Write<byte>([0x01]);

    public void EndOfMessage() => _output.Write<byte>([0x00]);

    public void OctetString(ReadOnlySpan<byte> bytes)
    {
        Tl(SmlType.OctetString, bytes.Length, isList: false);
        _output.Write(bytes);
    }

    public void OptionalOctetString(byte[]? bytes)
    {
        if (bytes is null)
        {
            Absent();
        }
        else
        {
            OctetString(bytes);
        }
    }

    /// <summary>An unsigned integer in <paramref name="size"/> bytes (1, 2, 4 or 8 as SML's types are).</summary>
    public void Unsigned(ulong value, int size)
    {
        Span<byte> wide = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(wide, value);
        Tl(SmlType.Unsigned, size, isList: false);
        _output.Write(wide[(8 - size)..]);
    }

    public void Signed(long value, int size)
    {
        Span<byte> wide = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(wide, value);
        Tl(SmlType.Signed, size, isList: false);
        _output.Write(wide[(8 - size)..]);
    }

    public void Time(SmlTime? time)
    {
        if (time is null)
        {
            Absent();
            return;
        }

        List(2);
        Unsigned((ulong)time.Kind, 1);
        if (time.Kind == SmlTimeKind.LocalTimestamp)
        {
            List(3);
            Unsigned(time.Value, 4);
            Signed(time.LocalOffsetMinutes ?? 0, 2);
            Signed(time.SeasonOffsetMinutes ?? 0, 2);
        }
        else
        {
            Unsigned(time.Value, 4);
        }
    }

    public void Value(SmlValue value)
    {
        switch (value.Kind)
        {
            case SmlValueKind.Bytes:
                OctetString(value.Bytes);
                break;
            case SmlValueKind.Boolean:
                Tl(SmlType.Boolean, 1, isList: false);
                _output.Write<byte>([value.Boolean!.Value ? (byte)0xFF : (byte)0x00]);
                break;
            case SmlValueKind.SignedInteger:
                // Meters use the smallest of SML's integer sizes that holds the value.
                long signed = (long)value.Number!.Value;
                Signed(signed, signed is >= sbyte.MinValue and <= sbyte.MaxValue ? 1 : signed is >= short.MinValue and <= short.MaxValue ? 2 : signed is >= int.MinValue and <= int.MaxValue ? 4 : 8);
                break;
            case SmlValueKind.UnsignedInteger:
                ulong unsigned = (ulong)value.Number!.Value;
                Unsigned(unsigned, unsigned <= byte.MaxValue ? 1 : unsigned <= ushort.MaxValue ? 2 : unsigned <= uint.MaxValue ? 4 : 8);
                break;
            default:
                Absent();
                break;
        }
    }

    private void Tl(SmlType type, int length, bool isList)
    {
        // Non-list lengths count the TL bytes too; a second TL byte is needed from 15 bytes on.
        int total = isList ? length : length + 1;
        if (total <= 0x0F)
        {
            _output.Write<byte>([(byte)(((int)type << 4) | total)]);
            return;
        }

        total = isList ? length : length + 2;
        _output.Write<byte>([(byte)(0x80 | ((int)type << 4) | ((total >> 4) & 0x0F)), (byte)(total & 0x0F)]);
    }
}
