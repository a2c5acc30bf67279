namespace Aizu.Hardware.BRoute;

/// <summary>What a scan found: enough to join the meter's PAN again without scanning.</summary>
/// <param name="Channel">Wi-SUN channel (register S2), e.g. 0x21.</param>
/// <param name="PanId">PAN id (register S3).</param>
/// <param name="MacAddress">The meter's 64-bit MAC as 16 hex digits.</param>
/// <param name="Address">The meter's link-local IPv6 address (SKLL64 of the MAC).</param>
public sealed record PanInfo(byte Channel, ushort PanId, string MacAddress, string Address);
