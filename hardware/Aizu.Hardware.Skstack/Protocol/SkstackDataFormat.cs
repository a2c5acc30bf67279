namespace Aizu.Hardware.Skstack;

/// <summary>
/// How the dongle prints the payload of an <c>ERXUDP</c> line. The setting lives in the dongle's flash (written with
/// <c>WOPT</c>, read with <c>ROPT</c>), so a driver has to ask or set it rather than assume a default.
/// </summary>
/// <remarks>
/// Bit 0 of the WOPT/ROPT value selects the format: 0 = raw binary, 1 = hexadecimal ASCII
/// (smdn/Smdn.Net.SkStackIP, src/Smdn.Devices.BP35XX/.../BP35UdpReceiveDataFormat.cs, citing
/// "BP35A1コマンドリファレンス 3.30 WOPT / 3.31 ROPT").
/// </remarks>
public enum SkstackDataFormat
{
    /// <summary>DATALEN raw bytes follow the header; they may contain CR and LF.</summary>
    Binary,

    /// <summary>2 × DATALEN upper-case hexadecimal characters follow the header.</summary>
    HexAscii,
}
