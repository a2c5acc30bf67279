namespace Aizu.Hardware.EchonetLite.Tests.TestData;

/// <summary>A property as plain data, so frames can be generated, stored and compared outside a ref struct.</summary>
public sealed record PropertySpec(byte Epc, byte[] Edt)
{
    public override string ToString() => $"{Epc:X2}:{Hex.Of(Edt)}";
}
