namespace Aizu.Hardware.EchonetLite.Tests.TestData;

/// <summary>
/// A whole frame as plain data: the input of property-based tests and the common form in which a written frame and
/// a parsed one are compared.
/// </summary>
public sealed record FrameSpec(
    ushort Tid,
    EchonetObject Source,
    EchonetObject Destination,
    EchonetService Service,
    PropertySpec[] First,
    PropertySpec[] Second)
{
    public static bool HasSecondList(EchonetService service) =>
        service is EchonetService.SetGet or EchonetService.SetGet_Res or EchonetService.SetGet_SNA;

    public int EncodedLength =>
        12 + First.Sum(p => 2 + p.Edt.Length) + (HasSecondList(Service) ? 1 + Second.Sum(p => 2 + p.Edt.Length) : 0);

    public static FrameSpec From(EchonetFrame frame) =>
        new(frame.Tid, frame.Source, frame.Destination, frame.Service, Collect(frame.Properties), Collect(frame.SecondProperties));

    public static PropertySpec[] Collect(PropertyList list)
    {
        var result = new List<PropertySpec>(list.Count);
        foreach (var property in list)
        {
            result.Add(new PropertySpec(property.Epc, property.Edt.ToArray()));
        }

        return [.. result];
    }

    public byte[] ToBytes()
    {
        var buffer = new byte[EncodedLength];
        var writer = new EchonetFrameWriter(buffer);
        writer.WriteHeader(Tid, Source, Destination, Service);
        foreach (var property in First)
        {
            writer.AddProperty(property.Epc, property.Edt);
        }

        if (HasSecondList(Service))
        {
            writer.BeginSecondList();
            foreach (var property in Second)
            {
                writer.AddProperty(property.Epc, property.Edt);
            }
        }

        int length = writer.Complete();
        Assert.Equal(buffer.Length, length);
        return buffer;
    }

    /// <summary>Arrays compare by reference in records, so tests compare this text instead.</summary>
    public override string ToString() =>
        $"TID {Tid:X4} {Source}->{Destination} {Service} [{string.Join(' ', First.Select(p => p.ToString()))}] " +
        $"[{string.Join(' ', Second.Select(p => p.ToString()))}]";
}
