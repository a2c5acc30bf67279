namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// An ECHONET object (EOJ): class group code, class code and instance code.
/// </summary>
public readonly record struct EchonetObject(byte ClassGroup, byte ClassCode, byte Instance)
{
    internal const int EncodedLength = 3;

    /// <summary>Low-voltage smart electric energy meter, class 0x0288, first instance.</summary>
    public static EchonetObject SmartElectricEnergyMeter => new(0x02, 0x88, 0x01);

    /// <summary>Controller, class 0x05FF, first instance: what the gateway presents itself as on the B-route.</summary>
    public static EchonetObject Controller => new(0x05, 0xFF, 0x01);

    /// <summary>Node profile, class 0x0EF0, general node instance.</summary>
    public static EchonetObject NodeProfile => new(0x0E, 0xF0, 0x01);

    /// <summary>Same device class regardless of instance, e.g. to accept a meter that answers as instance 0x02.</summary>
    public bool IsSameClass(EchonetObject other) => ClassGroup == other.ClassGroup && ClassCode == other.ClassCode;

    /// <summary>The hex form used by the specification and by packet dumps, e.g. "0x028801".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"0x{ClassGroup:X2}{ClassCode:X2}{Instance:X2}");

    internal static EchonetObject Read(ReadOnlySpan<byte> source) => new(source[0], source[1], source[2]);

    internal void Write(Span<byte> destination)
    {
        destination[0] = ClassGroup;
        destination[1] = ClassCode;
        destination[2] = Instance;
    }
}
