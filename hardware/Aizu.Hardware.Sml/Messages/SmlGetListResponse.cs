namespace Aizu.Hardware.Sml;

/// <summary>SML_GetList.Res: the meter's values.</summary>
/// <param name="ClientId">Client id, if sent.</param>
/// <param name="ServerId">The meter's server id.</param>
/// <param name="ListName">The list's name (an OBIS code), if sent.</param>
/// <param name="SensorTime">The meter's time when the list was made, if sent.</param>
/// <param name="Entries">The values.</param>
/// <param name="ListSignature">Signature over the list, if sent.</param>
/// <param name="GatewayTime">A gateway's time, if sent.</param>
public sealed record SmlGetListResponse(
    byte[]? ClientId,
    byte[] ServerId,
    byte[]? ListName,
    SmlTime? SensorTime,
    IReadOnlyList<SmlListEntry> Entries,
    byte[]? ListSignature,
    SmlTime? GatewayTime) : SmlMessageBody;
