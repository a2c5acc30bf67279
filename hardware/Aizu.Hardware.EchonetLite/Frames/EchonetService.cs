namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// ESV codes from ECHONET Lite specification Part 2, section 3.2.5. Names follow the specification so they can be
/// matched against it and against packet captures.
/// </summary>
public enum EchonetService : byte
{
    SetI_SNA = 0x50,
    SetC_SNA = 0x51,
    Get_SNA = 0x52,
    Inf_SNA = 0x53,
    SetGet_SNA = 0x5E,
    SetI = 0x60,
    SetC = 0x61,
    Get = 0x62,
    InfReq = 0x63,
    SetGet = 0x6E,
    Set_Res = 0x71,
    Get_Res = 0x72,
    Inf = 0x73,
    InfC = 0x74,
    InfC_Res = 0x7A,
    SetGet_Res = 0x7E,
}
