namespace Aizu.Hardware.Simulators.Tests.Support;

/// <summary>ECHONET Lite frames a B-route controller sends, and plain-value views of what comes back.</summary>
internal static class Frames
{
    public static byte[] Get(ushort tid, params byte[] epcs)
    {
        var buffer = new byte[64];
        var length = EchonetFrameWriter.WriteGet(buffer, tid, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, epcs);
        return buffer[..length];
    }

    public static byte[] Set(EchonetService service, ushort tid, byte epc, params byte[] edt)
    {
        var buffer = new byte[64];
        var writer = new EchonetFrameWriter(buffer);
        writer.WriteHeader(tid, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, service);
        writer.AddProperty(epc, edt);
        return buffer[..writer.Complete()];
    }

    public static byte[] To(EchonetObject destination, ushort tid, params byte[] epcs)
    {
        var buffer = new byte[64];
        var length = EchonetFrameWriter.WriteGet(buffer, tid, EchonetObject.Controller, destination, epcs);
        return buffer[..length];
    }

    /// <summary>A parsed frame copied out of its buffer, so tests can keep it across awaits.</summary>
    public static Decoded Decode(ReadOnlySpan<byte> bytes)
    {
        var frame = EchonetFrame.Parse(bytes);
        var properties = new List<(byte Epc, byte[] Edt)>();
        foreach (var property in frame.Properties)
        {
            properties.Add((property.Epc, property.Edt.ToArray()));
        }

        return new Decoded(frame.Tid, frame.Source, frame.Destination, frame.Service, properties);
    }

    public sealed record Decoded(
        ushort Tid, EchonetObject Source, EchonetObject Destination, EchonetService Service, List<(byte Epc, byte[] Edt)> Properties)
    {
        public byte[] Edt(byte epc) => Properties.Single(p => p.Epc == epc).Edt;
    }
}
