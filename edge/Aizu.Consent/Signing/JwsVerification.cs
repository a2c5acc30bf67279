namespace Aizu.Consent;

/// <summary>The outcome of checking a JWS: the signed payload when the signature holds, otherwise why not.</summary>
/// <param name="IsValid">True when the signature verifies with the given key.</param>
/// <param name="Payload">The signed bytes (empty unless valid).</param>
/// <param name="KeyId">The header's <c>kid</c>, if any (informational: the caller chose the key).</param>
/// <param name="Problem">What is wrong, when not valid.</param>
public sealed record JwsVerification(bool IsValid, ReadOnlyMemory<byte> Payload, string? KeyId, string? Problem)
{
    internal static JwsVerification Valid(byte[] payload, string? keyId) => new(true, payload, keyId, null);

    internal static JwsVerification Invalid(string problem) => new(false, ReadOnlyMemory<byte>.Empty, null, problem);
}
