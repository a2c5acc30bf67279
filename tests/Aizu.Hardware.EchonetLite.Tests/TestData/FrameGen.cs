namespace Aizu.Hardware.EchonetLite.Tests.TestData;

/// <summary>CsCheck generators of valid frames.</summary>
internal static class FrameGen
{
    public static readonly Gen<EchonetObject> Object =
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, (group, code, instance) => new EchonetObject(group, code, instance));

    public static readonly Gen<EchonetService> Service = Gen.OneOfConst(Enum.GetValues<EchonetService>());

    // Mostly short EDTs like real meter properties, sometimes the full 255 so PDC edge cases are covered.
    public static readonly Gen<byte[]> Edt = Gen.Frequency(
        (8, (IGen<byte[]>)Gen.Byte.Array[0, 12]),
        (1, Gen.Byte.Array[250, 255]),
        (1, Gen.Const(Array.Empty<byte>())));

    public static readonly Gen<PropertySpec> Property = Gen.Select(Gen.Byte, Edt, (epc, edt) => new PropertySpec(epc, edt));

    public static readonly Gen<FrameSpec> Frame = Gen.Select(
        Gen.UShort,
        Object,
        Object,
        Service,
        Property.Array[0, 6],
        Property.Array[0, 6],
        (tid, source, destination, service, first, second) => new FrameSpec(
            tid, source, destination, service, first, FrameSpec.HasSecondList(service) ? second : []));
}
