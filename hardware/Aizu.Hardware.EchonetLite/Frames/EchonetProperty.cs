namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// One EPC/PDC/EDT triple. PDC is not stored: it is <c>Edt.Length</c>.
/// </summary>
/// <remarks>
/// The EDT is a view into the received frame so that reading a property never copies; it is only valid while the
/// frame's buffer is.
/// </remarks>
public readonly ref struct EchonetProperty
{
    public EchonetProperty(byte epc, ReadOnlySpan<byte> edt)
    {
        Epc = epc;
        Edt = edt;
    }

    public byte Epc { get; }

    public ReadOnlySpan<byte> Edt { get; }
}
