using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aizu.Alerts;

/// <summary>
/// JWS compact serialisation with ES256 only (RFC 7515, RFC 7518 §3.4): ECDSA P-256 over SHA-256, the
/// signature as the 64-byte IEEE P1363 concatenation R‖S, every part base64url without padding, the signed
/// bytes (CAP XML or a key update) carried in the payload part — never detached. Verification accepts
/// nothing else: no <c>none</c>, no HMAC, no <c>crit</c> extensions, no unencoded payloads, and only
/// canonical base64url, so no changed character can decode to the same bytes and pass.
/// </summary>
public static class AlertJws
{
    /// <summary>The only <c>alg</c> signed and accepted.</summary>
    public const string Algorithm = "ES256";

    private const int SignatureLength = 64;

    // The default encoder writes '+' as \u002B; the header is not HTML, so media types stay readable.
    private static readonly JsonWriterOptions HeaderWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Signs <paramref name="payload"/>; returns <c>header.payload.signature</c> in ASCII.</summary>
    /// <param name="payload">The bytes to sign (the CAP XML exactly as it will be parsed).</param>
    /// <param name="key">A P-256 private key.</param>
    /// <param name="contentType">The <c>cty</c> header, one of <see cref="JwsContentTypes"/>.</param>
    public static string Sign(ReadOnlySpan<byte> payload, ECDsa key, string contentType)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (!P256Pem.IsP256(key))
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(key));
        }

        using var header = new MemoryStream();
        using (var writer = new Utf8JsonWriter(header, HeaderWriting))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            writer.WriteString("kid", P256Pem.Thumbprint(key));
            writer.WriteString("cty", contentType);
            writer.WriteEndObject();
        }

        var signingInput = $"{Base64Url.EncodeToString(header.ToArray())}.{Base64Url.EncodeToString(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Checks <paramref name="message"/> against each of <paramref name="keys"/>; never throws for bad input.</summary>
    public static JwsVerification Verify(ReadOnlySpan<byte> message, IReadOnlyList<TrustedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var trimmed = message.Trim("\r\n \t"u8);
        if (trimmed.IsEmpty)
        {
            return JwsVerification.Unsigned("The message is empty.");
        }

        if (trimmed[0] == (byte)'<')
        {
            return JwsVerification.Unsigned("The message is bare XML: alerts must arrive signed by the city (JWS ES256).");
        }

        var firstDot = trimmed.IndexOf((byte)'.');
        var lastDot = trimmed.LastIndexOf((byte)'.');
        if (firstDot <= 0 || lastDot == firstDot || trimmed[(firstDot + 1)..lastDot].Contains((byte)'.') || lastDot == trimmed.Length - 1)
        {
            return JwsVerification.Unsigned("The message is not a JWS compact serialisation (three base64url parts separated by dots).");
        }

        var headerPart = trimmed[..firstDot];
        var payloadPart = trimmed[(firstDot + 1)..lastDot];
        var signaturePart = trimmed[(lastDot + 1)..];
        if (!TryDecode(headerPart, out var header) || !TryDecode(payloadPart, out var payload) || !TryDecode(signaturePart, out var signature))
        {
            return JwsVerification.Bad("A JWS part is not canonical base64url without padding.");
        }

        if (payload.Length == 0)
        {
            return JwsVerification.Bad("The JWS payload is empty (detached payloads are not accepted).");
        }

        // JsonDocument checks UTF-8 inside strings only when they are read, and then throws something other than JsonException.
        if (!System.Text.Unicode.Utf8.IsValid(header))
        {
            return JwsVerification.Bad("The JWS header is not UTF-8.");
        }

        string? contentType;
        try
        {
            using var document = JsonDocument.Parse(header, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 4 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return JwsVerification.Bad("The JWS header is not a JSON object.");
            }

            if (!root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != Algorithm)
            {
                return JwsVerification.Bad($"The JWS algorithm is {(root.TryGetProperty("alg", out var a) ? a.GetRawText() : "missing")}; only {Algorithm} is accepted.");
            }

            // RFC 7515 §4.1.11: a recipient must reject extensions it does not understand (RFC 7797 b64 among them).
            if (root.TryGetProperty("crit", out _) || root.TryGetProperty("b64", out _))
            {
                return JwsVerification.Bad("The JWS header has crit or b64 extensions, which are not supported.");
            }

            contentType = root.TryGetProperty("cty", out var cty) && cty.ValueKind == JsonValueKind.String ? cty.GetString() : null;
            if (contentType is null)
            {
                return JwsVerification.Bad("The JWS header has no cty: the content type must be signed.");
            }
        }
        catch (JsonException)
        {
            return JwsVerification.Bad("The JWS header is not valid JSON.");
        }

        if (signature.Length != SignatureLength)
        {
            return JwsVerification.Bad($"The signature is {signature.Length} bytes; ES256 signatures are {SignatureLength}.");
        }

        var signingInput = trimmed[..lastDot];
        foreach (var key in keys)
        {
            if (key.Key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return new JwsVerification(JwsStatus.Valid, payload, contentType, key, null);
            }
        }

        return JwsVerification.Bad(keys.Count == 0
            ? "No city key is trusted, so nothing can be verified."
            : "The signature does not verify with the city's key: the message was changed, or signed with another key.");
    }

    /// <summary>Decodes one part, insisting that re-encoding gives the same text (no padding, spaces or stray bits).</summary>
    private static bool TryDecode(ReadOnlySpan<byte> part, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in part)
        {
            if (!(char.IsAsciiLetterOrDigit((char)c) || c is (byte)'-' or (byte)'_'))
            {
                return false;
            }
        }

        try
        {
            bytes = Base64Url.DecodeFromUtf8(part);
        }
        catch (FormatException)
        {
            return false;
        }

        return Base64Url.EncodeToString(bytes).AsSpan().SequenceEqual(Encoding.ASCII.GetString(part));
    }
}
