namespace Aizu.Signing;

/// <summary>The outcome of checking a JWS: the signed payload and header when valid, otherwise why not.</summary>
/// <param name="Status">Valid, unsigned or badly signed.</param>
/// <param name="Payload">The signed bytes (empty unless valid).</param>
/// <param name="KeyId">The header's <c>kid</c>, if any (informational: <paramref name="Signer"/> says which key held).</param>
/// <param name="ContentType">The accepted content type the signed <c>cty</c> names (null unless one was required).</param>
/// <param name="Signer">The trusted key whose signature held (null unless valid).</param>
/// <param name="Problem">What is wrong, unless valid.</param>
public sealed record JwsVerification(JwsStatus Status, ReadOnlyMemory<byte> Payload, string? KeyId, string? ContentType, TrustedKey? Signer, string? Problem)
{
    /// <summary>True when <see cref="Status"/> is <see cref="JwsStatus.Valid"/>.</summary>
    public bool IsValid => Status == JwsStatus.Valid;

    internal static JwsVerification Unsigned(string problem) => new(JwsStatus.NotSigned, ReadOnlyMemory<byte>.Empty, null, null, null, problem);

    internal static JwsVerification Bad(string problem) => new(JwsStatus.BadSignature, ReadOnlyMemory<byte>.Empty, null, null, null, problem);
}
