namespace Aizu.Hardware.Sml;

/// <summary>SML_PublicOpen.Res: the first message of a meter's push.</summary>
/// <param name="Codepage">Codepage, if sent.</param>
/// <param name="ClientId">Client id, if sent.</param>
/// <param name="RequestFileId">The file id.</param>
/// <param name="ServerId">The meter's server id (its identity).</param>
/// <param name="ReferenceTime">Reference time, if sent.</param>
/// <param name="SmlVersion">SML version, if sent.</param>
public sealed record SmlOpenResponse(
    byte[]? Codepage, byte[]? ClientId, byte[] RequestFileId, byte[] ServerId, SmlTime? ReferenceTime, ulong? SmlVersion) : SmlMessageBody;
