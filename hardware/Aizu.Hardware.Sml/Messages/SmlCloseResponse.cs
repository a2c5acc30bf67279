namespace Aizu.Hardware.Sml;

/// <summary>SML_PublicClose.Res: the last message of a meter's push.</summary>
/// <param name="GlobalSignature">Signature over the file, if sent.</param>
public sealed record SmlCloseResponse(byte[]? GlobalSignature) : SmlMessageBody;
