namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// What the ESV says about the shape of the rest of the frame.
/// </summary>
internal static class ServiceLayout
{
    /// <summary>
    /// An unknown ESV leaves the layout of the properties undefined (one list or two), so such frames cannot be
    /// decoded at all rather than decoded as a guess.
    /// </summary>
    public static bool IsKnown(EchonetService service) => service switch
    {
        EchonetService.SetI_SNA or EchonetService.SetC_SNA or EchonetService.Get_SNA or EchonetService.Inf_SNA
            or EchonetService.SetGet_SNA or EchonetService.SetI or EchonetService.SetC or EchonetService.Get
            or EchonetService.InfReq or EchonetService.SetGet or EchonetService.Set_Res or EchonetService.Get_Res
            or EchonetService.Inf or EchonetService.InfC or EchonetService.InfC_Res or EchonetService.SetGet_Res => true,
        _ => false,
    };

    /// <summary>
    /// The SetGet family carries OPCSet + Set properties followed by OPCGet + Get properties.
    /// </summary>
    public static bool HasSecondList(EchonetService service) =>
        service is EchonetService.SetGet or EchonetService.SetGet_Res or EchonetService.SetGet_SNA;
}
