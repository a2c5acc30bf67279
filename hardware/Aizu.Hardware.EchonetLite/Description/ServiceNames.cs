namespace Aizu.Hardware.EchonetLite.Description;

/// <summary>
/// ESV names as the specification prints them (Part 2, 3.2.5, tables 3-9 to 3-11), which packet analysers use too;
/// they differ from the <see cref="EchonetService"/> member names only in case (INF_REQ, INF, INFC, INFC_Res,
/// INF_SNA).
/// </summary>
internal static class ServiceNames
{
    public static string Name(EchonetService service) => service switch
    {
        EchonetService.SetI_SNA => "SetI_SNA",
        EchonetService.SetC_SNA => "SetC_SNA",
        EchonetService.Get_SNA => "Get_SNA",
        EchonetService.Inf_SNA => "INF_SNA",
        EchonetService.SetGet_SNA => "SetGet_SNA",
        EchonetService.SetI => "SetI",
        EchonetService.SetC => "SetC",
        EchonetService.Get => "Get",
        EchonetService.InfReq => "INF_REQ",
        EchonetService.SetGet => "SetGet",
        EchonetService.Set_Res => "Set_Res",
        EchonetService.Get_Res => "Get_Res",
        EchonetService.Inf => "INF",
        EchonetService.InfC => "INFC",
        EchonetService.InfC_Res => "INFC_Res",
        EchonetService.SetGet_Res => "SetGet_Res",
        _ => "unknown",
    };

    public static string Meaning(EchonetService service) => service switch
    {
        EchonetService.SetI_SNA => "property value write request not possible response, for SetI",
        EchonetService.SetC_SNA => "property value write request not possible response, for SetC",
        EchonetService.Get_SNA => "property value read request not possible response",
        EchonetService.Inf_SNA => "property value notification request not possible response",
        EchonetService.SetGet_SNA => "property value write & read request not possible response",
        EchonetService.SetI => "property value write request, no response required",
        EchonetService.SetC => "property value write request, response required",
        EchonetService.Get => "property value read request",
        EchonetService.InfReq => "property value notification request",
        EchonetService.SetGet => "property value write & read request",
        EchonetService.Set_Res => "property value write response",
        EchonetService.Get_Res => "property value read response",
        EchonetService.Inf => "property value notification",
        EchonetService.InfC => "property value notification, response required",
        EchonetService.InfC_Res => "property value notification response",
        EchonetService.SetGet_Res => "property value write & read response",
        _ => "not an ECHONET Lite service",
    };
}
