namespace Aizu.Hardware.EchonetLite.Description;

/// <summary>
/// Turns a frame into English text, one field per line, for <c>aizu decode &lt;hex&gt;</c> and for logs:
/// <code>
/// ECHONET Lite frame, 18 bytes
///   EHD    10 81 (ECHONET Lite, specified message format)
///   TID    0x0001
///   SEOJ   0x028801 low-voltage smart electric energy meter, instance 1
///   DEOJ   0x05FF01 controller, instance 1
///   ESV    0x72 Get_Res (property value read response)
///   OPC    1
///   EPC 0xE7 instantaneous electric power, PDC 4, EDT 000001F8 = 504 W
/// </code>
/// </summary>
/// <remarks>
/// <para>Lines are separated by <c>\n</c> whatever the platform, with no line end after the last, so the text is the
/// same in logs, tests and on every host.</para>
/// <para>The frame has to parse: a frame that does not throws <see cref="EchonetLiteFormatException"/> with the
/// parser's message. An EDT that cannot be the value of its EPC (wrong PDC, a date that does not exist) does not make
/// the frame invalid, so its line says "invalid: ..." instead of a value: the point of a description is to show what
/// a misbehaving meter sent.</para>
/// <para>Values are decoded for the low-voltage smart electric energy meter (0x0288) with
/// <see cref="SmartMeter.SmartMeterCodec"/>, for the node profile's instance lists and for operation status; every
/// other EDT is shown as hexadecimal only.</para>
/// </remarks>
public static partial class EchonetFrameDescriber
{
    private const int LabelWidth = 6;

    /// <exception cref="EchonetLiteFormatException">The bytes are not a well-formed format 1 frame.</exception>
    public static string Describe(ReadOnlySpan<byte> frame)
    {
        var parsed = EchonetFrame.Parse(frame);
        var service = parsed.Service;

        // Requests carry the properties of the object they are sent to, answers and notifications those of the sender;
        // INFC_Res acknowledges an INFC, so its EPCs are the notifying object's, which is its DEOJ.
        var owner = IsAboutDestination(service) ? parsed.Destination : parsed.Source;
        var energy = EnergyScale.Find(owner, parsed.Properties, parsed.SecondProperties);

        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder(256);
        text.Append(c, $"ECHONET Lite frame, {frame.Length} bytes");
        AppendField(text, "EHD", string.Create(c, $"{frame[0]:X2} {frame[1]:X2} (ECHONET Lite, specified message format)"));
        AppendField(text, "TID", string.Create(c, $"0x{parsed.Tid:X4}"));
        AppendField(text, "SEOJ", ObjectNames.Describe(parsed.Source));
        AppendField(text, "DEOJ", ObjectNames.Describe(parsed.Destination));
        AppendField(text, "ESV", string.Create(c,
            $"0x{(byte)service:X2} {ServiceNames.Name(service)} ({ServiceNames.Meaning(service)})"));

        if (HasSecondList(service))
        {
            AppendField(text, "OPCSet", parsed.Properties.Count.ToString(c));
            AppendProperties(text, parsed.Properties, owner, energy, FirstListRole(service));
            AppendField(text, "OPCGet", parsed.SecondProperties.Count.ToString(c));
            AppendProperties(text, parsed.SecondProperties, owner, energy, SecondListRole(service));
        }
        else
        {
            AppendField(text, "OPC", parsed.Properties.Count.ToString(c));
            AppendProperties(text, parsed.Properties, owner, energy, FirstListRole(service));
        }

        return text.ToString();
    }

    private static void AppendField(StringBuilder text, string label, string value) =>
        text.Append('\n').Append("  ").Append(label.PadRight(LabelWidth)).Append(' ').Append(value);

    private static void AppendProperties(
        StringBuilder text, PropertyList properties, EchonetObject owner, EnergyScale energy, ListRole role)
    {
        foreach (var property in properties)
        {
            text.Append('\n');
            PropertyLine.Append(text, owner, property.Epc, property.Edt, energy, role);
        }
    }

    private static bool IsAboutDestination(EchonetService service) => service is
        EchonetService.SetI or EchonetService.SetC or EchonetService.Get or EchonetService.InfReq
        or EchonetService.SetGet or EchonetService.InfC_Res;

    private static bool HasSecondList(EchonetService service) =>
        service is EchonetService.SetGet or EchonetService.SetGet_Res or EchonetService.SetGet_SNA;

    private static ListRole FirstListRole(EchonetService service) => service switch
    {
        EchonetService.Set_Res or EchonetService.SetGet_Res => ListRole.WriteAnswer,
        EchonetService.SetI_SNA or EchonetService.SetC_SNA or EchonetService.SetGet_SNA => ListRole.WriteRefusal,
        EchonetService.Get_SNA or EchonetService.Inf_SNA => ListRole.ReadRefusal,
        _ => ListRole.Plain,
    };

    private static ListRole SecondListRole(EchonetService service) =>
        service == EchonetService.SetGet_SNA ? ListRole.ReadRefusal : ListRole.Plain;
}
