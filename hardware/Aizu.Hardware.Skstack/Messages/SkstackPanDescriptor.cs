namespace Aizu.Hardware.Skstack;

/// <summary>
/// One beacon found by an active scan: the whole multi-line <c>EPANDESC</c> block, reported once it is complete.
/// </summary>
/// <param name="Channel">The channel number as printed (hexadecimal on the wire, e.g. <c>21</c> = 0x21); write it back
/// unchanged with <c>SKSREG S2</c>.</param>
/// <param name="ChannelPage">The channel page.</param>
/// <param name="PanId">The PAN ID; write it back with <c>SKSREG S3</c>.</param>
/// <param name="MacAddress">The coordinator's 64-bit MAC address, 16 hexadecimal characters; convert with
/// <see cref="SkstackAddress.LinkLocalFromMac"/> (what SKLL64 does) before SKJOIN.</param>
/// <param name="Lqi">Link quality indicator.</param>
/// <param name="PairId">The pairing ID (8 characters) printed by active scans with IE (SKSCAN mode 2); null otherwise.</param>
public sealed record SkstackPanDescriptor(
    byte Channel,
    byte ChannelPage,
    ushort PanId,
    string MacAddress,
    byte Lqi,
    string? PairId) : SkstackMessage;
