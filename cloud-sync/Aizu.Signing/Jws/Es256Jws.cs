namespace Aizu.Signing;

/// <summary>
/// JWS with ES256 only (RFC 7515, RFC 7518 §3.4): ECDSA P-256 over SHA-256, the signature as the 64-byte
/// IEEE P1363 concatenation R‖S, every part base64url without padding; compact, or detached (RFC 7515
/// Appendix F: <c>header..signature</c>, the payload travelling beside it).
/// </summary>
/// <remarks>
/// One rule set for everything Aizu verifies (consent receipts, the purpose catalogue, city alerts and key
/// updates), the strictest of the ones the gateway had: only ES256 (no <c>none</c>, no HMAC); no
/// <c>crit</c> and no <c>b64</c> (RFC 7797 unencoded payloads) at all, since an extension a verifier
/// ignores is one an attacker chooses; no duplicate header members (which member would win is parser
/// dependent); <c>kid</c>, <c>typ</c> and <c>cty</c> strings when present; a signed <c>cty</c> naming
/// one of the content types the caller accepts when it names any (so a key update can never be passed
/// off as an alert); no empty payload; and only canonical base64url, so a changed character can never
/// decode to the same bytes and still pass. Bad input never throws.
/// </remarks>
public static class Es256Jws
{
    /// <summary>The only <c>alg</c> signed and accepted.</summary>
    public const string Algorithm = "ES256";

    private const int SignatureLength = 64;

    // The default encoder writes '+' as \u002B; a header is not HTML, so media types stay readable.
    private static readonly JsonWriterOptions HeaderWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions HeaderReading = new() { AllowDuplicateProperties = false, MaxDepth = 4 };

    /// <summary>Signs <paramref name="payload"/>; returns the compact <c>header.payload.signature</c> (ASCII).</summary>
    /// <param name="payload">The bytes to sign, exactly as the verifier will read them.</param>
    /// <param name="key">A P-256 private key.</param>
    /// <param name="header">The optional header members; none when null.</param>
    public static string Sign(ReadOnlySpan<byte> payload, ECDsa key, JwsHeader? header = null)
    {
        var encodedPayload = Base64Url.EncodeToString(payload);
        var (encodedHeader, signature) = SignParts(encodedPayload, key, header);
        return $"{encodedHeader}.{encodedPayload}.{signature}";
    }

    /// <summary>Signs <paramref name="payload"/>; returns the detached form <c>header..signature</c>.</summary>
    public static string SignDetached(ReadOnlySpan<byte> payload, ECDsa key, JwsHeader? header = null)
    {
        var (encodedHeader, signature) = SignParts(Base64Url.EncodeToString(payload), key, header);
        return $"{encodedHeader}..{signature}";
    }

    /// <summary>Checks the compact <paramref name="message"/> against each of <paramref name="keys"/>.</summary>
    /// <param name="message">The JWS as received (surrounding whitespace is ignored).</param>
    /// <param name="keys">The keys trusted now.</param>
    /// <param name="contentTypes">The <c>cty</c> values accepted; when any are named, a signed <c>cty</c> naming one is required.</param>
    public static JwsVerification Verify(ReadOnlySpan<byte> message, IReadOnlyList<TrustedKey> keys, params ReadOnlySpan<string> contentTypes) =>
        Check(message, detachedPayload: null, keys, contentTypes);

    /// <summary>Checks the compact <paramref name="message"/> against <paramref name="key"/>.</summary>
    public static JwsVerification Verify(string? message, ECDsa key, params ReadOnlySpan<string> contentTypes)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Check(Encoding.UTF8.GetBytes(message ?? ""), detachedPayload: null, [TrustedKey.From(key)], contentTypes);
    }

    /// <summary>Checks the detached <paramref name="message"/> (<c>header..signature</c>) over <paramref name="payload"/>.</summary>
    public static JwsVerification VerifyDetached(ReadOnlySpan<byte> message, ReadOnlySpan<byte> payload, IReadOnlyList<TrustedKey> keys, params ReadOnlySpan<string> contentTypes) =>
        Check(message, payload.ToArray(), keys, contentTypes);

    private static (string Header, string Signature) SignParts(string encodedPayload, ECDsa key, JwsHeader? header)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!P256Keys.IsP256(key))
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(key));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, HeaderWriting))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            WriteIfSet(writer, "kid", header?.KeyId);
            WriteIfSet(writer, "typ", header?.Type);
            WriteIfSet(writer, "cty", header?.ContentType);
            writer.WriteEndObject();
        }

        var encodedHeader = Base64Url.EncodeToString(buffer.ToArray());
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{encodedHeader}.{encodedPayload}"), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return (encodedHeader, Base64Url.EncodeToString(signature));
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static JwsVerification Check(ReadOnlySpan<byte> message, byte[]? detachedPayload, IReadOnlyList<TrustedKey> keys, ReadOnlySpan<string> contentTypes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var trimmed = message.Trim("\r\n \t"u8);
        if (trimmed.IsEmpty)
        {
            return JwsVerification.Unsigned("The message is empty.");
        }

        if (trimmed[0] == (byte)'<')
        {
            return JwsVerification.Unsigned("The message is bare XML: it must arrive signed (JWS ES256).");
        }

        var firstDot = trimmed.IndexOf((byte)'.');
        var lastDot = trimmed.LastIndexOf((byte)'.');
        if (firstDot <= 0 || lastDot == firstDot || trimmed[(firstDot + 1)..lastDot].Contains((byte)'.') || lastDot == trimmed.Length - 1)
        {
            return JwsVerification.Unsigned("The message is not a JWS compact serialisation (three base64url parts separated by dots; an unsigned document is refused).");
        }

        var headerPart = trimmed[..firstDot];
        var payloadPart = trimmed[(firstDot + 1)..lastDot];
        var signaturePart = trimmed[(lastDot + 1)..];
        byte[] payload;
        byte[] signingInput;
        if (detachedPayload is null)
        {
            if (payloadPart.IsEmpty)
            {
                return JwsVerification.Bad("The JWS payload is empty (a detached payload is not accepted here).");
            }

            if (!TryDecode(payloadPart, out payload))
            {
                return JwsVerification.Bad("A JWS part is not canonical base64url without padding.");
            }

            signingInput = trimmed[..lastDot].ToArray();
        }
        else
        {
            if (!payloadPart.IsEmpty)
            {
                return JwsVerification.Bad("A detached JWS must have an empty payload part (header..signature).");
            }

            payload = detachedPayload;
            signingInput = Encoding.ASCII.GetBytes($"{Encoding.ASCII.GetString(headerPart)}.{Base64Url.EncodeToString(payload)}");
        }

        if (payload.Length == 0)
        {
            return JwsVerification.Bad("The signed payload is empty.");
        }

        if (!TryDecode(headerPart, out var header) || !TryDecode(signaturePart, out var signature))
        {
            return JwsVerification.Bad("A JWS part is not canonical base64url without padding.");
        }

        var problem = CheckHeader(header, contentTypes, out var keyId, out var contentType);
        if (problem is not null)
        {
            return JwsVerification.Bad(problem);
        }

        if (signature.Length != SignatureLength)
        {
            return JwsVerification.Bad($"The signature is {signature.Length} bytes; ES256 signatures are {SignatureLength}.");
        }

        foreach (var key in keys)
        {
            if (key.Key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return new JwsVerification(JwsStatus.Valid, payload, keyId, contentType, key, null);
            }
        }

        return JwsVerification.Bad(keys.Count == 0
            ? "No key is trusted, so nothing can be verified."
            : "The signature does not match a trusted key: the message was changed, or signed with another key.");
    }

    /// <summary>The rule set for the protected header; null when it holds.</summary>
    private static string? CheckHeader(byte[] header, ReadOnlySpan<string> contentTypes, out string? keyId, out string? contentType)
    {
        keyId = null;
        contentType = null;

        // JsonDocument checks UTF-8 inside strings only when they are read, and then throws something other than JsonException.
        if (!System.Text.Unicode.Utf8.IsValid(header))
        {
            return "The JWS header is not UTF-8.";
        }

        try
        {
            using var document = JsonDocument.Parse(header, HeaderReading);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "The JWS header is not a JSON object.";
            }

            if (!root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != Algorithm)
            {
                return $"The JWS algorithm is {(root.TryGetProperty("alg", out var a) ? a.GetRawText() : "missing")}; only {Algorithm} is accepted.";
            }

            // RFC 7515 §4.1.11: a recipient must reject extensions it does not understand (RFC 7797 b64 among them).
            if (root.TryGetProperty("crit", out _) || root.TryGetProperty("b64", out _))
            {
                return "The JWS header has crit or b64 extensions, which are not supported.";
            }

            foreach (var name in (ReadOnlySpan<string>)["kid", "typ", "cty"])
            {
                if (root.TryGetProperty(name, out var member) && member.ValueKind != JsonValueKind.String)
                {
                    return $"The JWS header's {name} is not a string.";
                }
            }

            keyId = root.TryGetProperty("kid", out var kid) ? kid.GetString() : null;
            if (contentTypes.IsEmpty)
            {
                return null;
            }

            var signed = root.TryGetProperty("cty", out var cty) ? cty.GetString() : null;
            if (signed is null)
            {
                return "The JWS header has no cty: the content type must be signed.";
            }

            foreach (var accepted in contentTypes)
            {
                if (JwsContentType.AreSame(signed, accepted))
                {
                    contentType = accepted;
                    return null;
                }
            }

            return $"The signed content type '{signed}' is not one of {string.Join(", ", contentTypes.ToArray())}.";
        }
        catch (JsonException)
        {
            return "The JWS header is not valid JSON (or repeats a member).";
        }
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
