namespace Aizu.Signing.Tests;

/// <summary>
/// The one verifier's rules, each tested once. Receipts, the catalogue, alerts and key updates all go
/// through <see cref="Es256Jws"/>, so these hold for every one of them.
/// </summary>
public sealed class Es256JwsTests : IDisposable
{
    private const string Cap = "application/cap+xml";
    private const string KeyUpdate = "application/vnd.aizu.city-key-update+json";

    // RFC 7515 Appendix A.3: the ES256 example and its key.
    private const string RfcJws =
        "eyJhbGciOiJFUzI1NiJ9"
        + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

    private readonly ECDsa key = P256Keys.Create();

    [Fact]
    public void Verify_Rfc7515AppendixA3_Holds()
    {
        using var rfcKey = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"),
                Y = Base64Url.DecodeFromChars("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"),
            },
        });

        var result = Es256Jws.Verify(RfcJws, rfcKey);

        Assert.True(result.IsValid, result.Problem);
        Assert.Contains("\"iss\":\"joe\"", Encoding.UTF8.GetString(result.Payload.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_ThenVerify_ReturnsPayloadKeyIdContentTypeAndSigner()
    {
        var payload = "{\"hello\":\"会津\"}"u8.ToArray();
        var trusted = TrustedKey.From(key);

        var jws = Es256Jws.Sign(payload, key, JwsHeader.Thumbprinted(key, contentType: Cap));
        var result = Es256Jws.Verify(Encoding.ASCII.GetBytes(jws), [trusted], Cap, KeyUpdate);

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(payload, result.Payload.ToArray());
        Assert.Equal(trusted.KeyId, result.KeyId);
        Assert.Equal(Cap, result.ContentType);
        Assert.Same(trusted, result.Signer);
        Assert.Equal(64, Base64Url.DecodeFromChars(jws.Split('.')[2]).Length);
        Assert.DoesNotContain('=', jws);
    }

    [Fact]
    public void Sign_WritesAlgKidTypCtyInThatOrder_WithMediaTypesUnescaped()
    {
        var jws = Es256Jws.Sign("x"u8, key, new JwsHeader("k1", "JWT", Cap));

        Assert.Equal("""{"alg":"ES256","kid":"k1","typ":"JWT","cty":"application/cap+xml"}""", Header(jws));
        Assert.Equal("""{"alg":"ES256"}""", Header(Es256Jws.Sign("x"u8, key)));
    }

    [Fact]
    public void Detached_RoundTrips_AndBindsThePayload()
    {
        var detached = Es256Jws.SignDetached("{\"a\":1}"u8, key, JwsHeader.Thumbprinted(key));

        Assert.Contains("..", detached, StringComparison.Ordinal);
        Assert.True(Es256Jws.VerifyDetached(Encoding.ASCII.GetBytes(detached), "{\"a\":1}"u8, [TrustedKey.From(key)]).IsValid);
        Assert.Equal(JwsStatus.BadSignature, Es256Jws.VerifyDetached(Encoding.ASCII.GetBytes(detached), "{\"a\":2}"u8, [TrustedKey.From(key)]).Status);

        // Neither form passes as the other.
        Assert.False(Es256Jws.Verify(detached, key).IsValid);
        var compact = Es256Jws.Sign("{\"a\":1}"u8, key);
        Assert.False(Es256Jws.VerifyDetached(Encoding.ASCII.GetBytes(compact), "{\"a\":1}"u8, [TrustedKey.From(key)]).IsValid);
    }

    [Theory]
    [InlineData("""{"alg":"ES256","alg":"none"}""")]
    [InlineData("""{"alg":"ES256","kid":"a","kid":"b"}""")]
    [InlineData("""{"alg":"ES256","cty":"application/cap+xml","cty":"application/vnd.aizu.city-key-update+json"}""")]
    public void Verify_DuplicateHeaderMember_IsRefused(string header) =>
        AssertRefusedDespiteValidSignature(header, "repeats a member", Cap, KeyUpdate);

    [Fact]
    public void Verify_UnencodedPayloadB64False_IsRefused()
    {
        // RFC 7797: with b64=false the payload is signed raw; a verifier that ignores b64 would check other bytes.
        const string header = """{"alg":"ES256","b64":false,"crit":["b64"]}""";
        var encodedHeader = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{encodedHeader}.$.02"), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Assert.False(Es256Jws.VerifyDetached(Encoding.ASCII.GetBytes($"{encodedHeader}..{Base64Url.EncodeToString(signature)}"), "$.02"u8, [TrustedKey.From(key)]).IsValid);
        AssertRefusedDespiteValidSignature(header, "b64");
        AssertRefusedDespiteValidSignature("""{"alg":"ES256","b64":true}""", "b64");
    }

    [Fact]
    public void Verify_UnknownCriticalExtension_IsRefused() =>
        AssertRefusedDespiteValidSignature("""{"alg":"ES256","crit":["exp"],"exp":1}""", "crit");

    [Theory]
    [InlineData("""{"alg":"ES256"}""", "no cty")]
    [InlineData("""{"alg":"ES256","cty":"text/plain"}""", "not one of")]
    [InlineData("""{"alg":"ES256","cty":7}""", "not a string")]
    public void Verify_MissingOrWrongContentType_IsRefusedWhereOneIsRequired(string header, string problem) =>
        AssertRefusedDespiteValidSignature(header, problem, Cap, KeyUpdate);

    [Theory]
    [InlineData("cap+xml")]
    [InlineData("Application/CAP+XML")]
    public void Verify_ContentTypeShortFormOrOtherCase_NamesTheAcceptedOne(string cty)
    {
        var result = Es256Jws.Verify(Encoding.ASCII.GetBytes(Es256Jws.Sign("x"u8, key, new JwsHeader(ContentType: cty))), [TrustedKey.From(key)], KeyUpdate, Cap);

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(Cap, result.ContentType);
    }

    [Theory]
    [InlineData("""{"alg":"none"}""")]
    [InlineData("""{"alg":"HS256"}""")]
    [InlineData("""{"alg":"ES384"}""")]
    [InlineData("""{"alg":"es256"}""")]
    [InlineData("""{"typ":"JWT"}""")]
    [InlineData("""{"alg":["ES256"]}""")]
    public void Verify_WrongAlgorithm_IsRefused(string header) =>
        AssertRefusedDespiteValidSignature(header, "algorithm");

    [Fact]
    public void Verify_BadSignature_IsRefused()
    {
        var parts = Es256Jws.Sign("{\"v\":1}"u8, key).Split('.');
        using var other = P256Keys.Create();
        var der = key.SignData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString("{\"v\":2}"u8)}.{parts[2]}";

        Assert.Equal(JwsStatus.BadSignature, Es256Jws.Verify(Encoding.ASCII.GetBytes(tampered), [TrustedKey.From(key)]).Status);
        Assert.Equal(JwsStatus.BadSignature, Es256Jws.Verify(string.Join('.', parts), other).Status);
        Assert.Equal(JwsStatus.BadSignature, Es256Jws.Verify($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(der)}", key).Status);
        Assert.Contains("No key is trusted", Es256Jws.Verify(Encoding.ASCII.GetBytes(string.Join('.', parts)), []).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n")]
    [InlineData("<alert/>")]
    [InlineData("abc")]
    [InlineData("only.two")]
    [InlineData("a.b.c.d")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.")]
    public void Verify_NotACompactJws_IsNotSignedAndDoesNotThrow(string message) =>
        Assert.Equal(JwsStatus.NotSigned, Es256Jws.Verify(message, key).Status);

    [Fact]
    public void Verify_NonCanonicalBase64OrEmptyPayload_IsRefused()
    {
        var parts = Es256Jws.Sign("{}"u8, key).Split('.');

        Assert.Equal(JwsStatus.BadSignature, Es256Jws.Verify($"{parts[0]}.{parts[1]}=.{parts[2]}", key).Status);
        Assert.Equal(JwsStatus.BadSignature, Es256Jws.Verify($"{parts[0]}.{parts[1]} .{parts[2]}", key).Status);
        Assert.Equal(JwsStatus.BadSignature, Es256Jws.Verify($"{parts[0]}..{parts[2]}", key).Status);
        Assert.True(Es256Jws.Verify($"\n{string.Join('.', parts)}\r\n", key).IsValid);
    }

    public void Dispose() => key.Dispose();

    private static string Header(string jws) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(jws.Split('.')[0]));

    /// <summary>Signs <paramref name="header"/> over a payload with a correct signature and expects the header alone to sink it.</summary>
    private void AssertRefusedDespiteValidSignature(string header, string problem, params string[] contentTypes)
    {
        var signingInput = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString("{}"u8)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var result = Es256Jws.Verify(Encoding.ASCII.GetBytes($"{signingInput}.{Base64Url.EncodeToString(signature)}"), [TrustedKey.From(key)], contentTypes);

        Assert.Equal(JwsStatus.BadSignature, result.Status);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    }
}
