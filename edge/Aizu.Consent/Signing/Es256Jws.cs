using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Aizu.Consent;

/// <summary>
/// JWS compact serialisation with ES256 only (RFC 7515, RFC 7518 §3.4): ECDSA P-256 over SHA-256, the
/// signature as the 64-byte IEEE P1363 concatenation R‖S, every part base64url without padding.
/// Verification accepts nothing else: no <c>none</c>, no HMAC, no critical extensions, and only
/// canonical base64url, so a changed character can never decode to the same bytes and still pass.
/// </summary>
public static class Es256Jws
{
    /// <summary>The only <c>alg</c> this gateway signs with or accepts.</summary>
    public const string Algorithm = "ES256";

    private const int SignatureLength = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Signs <paramref name="payload"/> with <paramref name="key"/>; returns <c>header.payload.signature</c>.</summary>
    /// <param name="payload">The bytes to sign (for receipts and catalogues, UTF-8 JSON).</param>
    /// <param name="key">A P-256 private key.</param>
    /// <param name="keyId">Optional <c>kid</c> header.</param>
    /// <param name="type">Optional <c>typ</c> header.</param>
    public static string Sign(ReadOnlySpan<byte> payload, ECDsa key, string? keyId = null, string? type = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!P256Keys.IsP256(key))
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(key));
        }

        using var headerBuffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(headerBuffer))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            if (keyId is not null)
            {
                writer.WriteString("kid", keyId);
            }

            if (type is not null)
            {
                writer.WriteString("typ", type);
            }

            writer.WriteEndObject();
        }

        var signingInput = $"{Base64Url.EncodeToString(headerBuffer.ToArray())}.{Base64Url.EncodeToString(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Checks <paramref name="compact"/> against <paramref name="publicKey"/>; never throws for bad input.</summary>
    public static JwsVerification Verify(string? compact, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrEmpty(compact))
        {
            return JwsVerification.Invalid("The signed document is empty.");
        }

        var parts = compact.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            return JwsVerification.Invalid("Not a JWS compact serialisation (expected three non-empty base64url parts separated by dots; an unsigned document is refused).");
        }

        if (!TryDecode(parts[0], out var header) || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature))
        {
            return JwsVerification.Invalid("A part is not canonical base64url without padding.");
        }

        string? keyId;
        try
        {
            using var document = JsonDocument.Parse(StrictUtf8.GetString(header));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return JwsVerification.Invalid("The JWS header is not a JSON object.");
            }

            if (!root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String
                || !string.Equals(alg.GetString(), Algorithm, StringComparison.Ordinal))
            {
                return JwsVerification.Invalid($"The JWS algorithm is {(root.TryGetProperty("alg", out var a) ? a.ToString() : "missing")}; only {Algorithm} is accepted.");
            }

            // RFC 7515 §4.1.11: a recipient must reject extensions it does not understand.
            if (root.TryGetProperty("crit", out _))
            {
                return JwsVerification.Invalid("The JWS header has critical extensions (crit), which are not supported.");
            }

            keyId = root.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String ? kid.GetString() : null;
        }
        catch (Exception exception) when (exception is JsonException or DecoderFallbackException)
        {
            return JwsVerification.Invalid("The JWS header is not valid UTF-8 JSON.");
        }

        if (signature.Length != SignatureLength)
        {
            return JwsVerification.Invalid($"The signature is {signature.Length} bytes; ES256 signatures are {SignatureLength}.");
        }

        var signingInput = Encoding.ASCII.GetBytes(compact.AsSpan(0, parts[0].Length + 1 + parts[1].Length).ToString());
        return publicKey.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? JwsVerification.Valid(payload, keyId)
            : JwsVerification.Invalid("The signature does not match: the document was changed or signed with another key.");
    }

    /// <summary>Decodes one part, insisting that re-encoding gives the same text (no padding, spaces or stray bits).</summary>
    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in part)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return false;
        }

        return string.Equals(Base64Url.EncodeToString(bytes), part, StringComparison.Ordinal);
    }
}
