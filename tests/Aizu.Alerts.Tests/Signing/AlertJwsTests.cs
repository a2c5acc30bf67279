using System.Buffers.Text;
using System.Text;

namespace Aizu.Alerts.Tests;

public sealed class AlertJwsTests : IDisposable
{
    private readonly TestCity city = new();

    [Fact]
    public void Verify_RoundTrip_ReturnsThePayloadContentTypeAndSigner()
    {
        var key = TrustedKey.From(P256Pem.ImportPublic(city.PublicPem));
        var jws = city.Sign("<alert/>");

        var result = AlertJws.Verify(jws, [key]);

        Assert.True(result.IsValid);
        Assert.Equal("<alert/>", Encoding.UTF8.GetString(result.Payload.Span));
        Assert.Equal(JwsContentTypes.Cap, result.ContentType);
        Assert.Equal(key.KeyId, result.Signer!.KeyId);
        key.Key.Dispose();
    }

    [Fact]
    public void Sign_WritesTheES256HeaderWithThumbprintAndContentType()
    {
        var header = JsonHeader(city.Sign("<alert/>"));

        Assert.Equal($"{{\"alg\":\"ES256\",\"kid\":\"{P256Pem.Thumbprint(city.Key)}\",\"cty\":\"application/cap+xml\"}}", header);
    }

    [Fact]
    public void Thumbprint_MatchesRfc7638ForAKnownKey()
    {
        // The P-256 example key of RFC 7517 Appendix A.1 (x = MKBCTNIc…, y = 4Etl6SRW…). The expected value is
        // SHA-256 over {"crv","kty","x","y"} per RFC 7638 §3.2, computed independently with Python's hashlib.
        const string Pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEMKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D7gS2XpJFbZiItSs3m9+9Ue6GnvHw/GW2ZZaVtszggXIw==\n-----END PUBLIC KEY-----";
        using var key = P256Pem.ImportPublic(Pem);

        Assert.Equal("cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s", P256Pem.Thumbprint(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<alert/>")]
    [InlineData("only.two")]
    [InlineData("a.b.c.d")]
    public void Verify_NotACompactJws_IsNotSigned(string message)
    {
        var result = AlertJws.Verify(Encoding.ASCII.GetBytes(message), []);

        Assert.Equal(JwsStatus.NotSigned, result.Status);
    }

    [Fact]
    public void Verify_PaddedBase64_IsRejected()
    {
        using var key = P256Pem.ImportPublic(city.PublicPem);
        var parts = Encoding.ASCII.GetString(city.Sign("<alert/>")).Split('.');
        var padded = $"{parts[0]}.{parts[1]}=.{parts[2]}";

        Assert.Equal(JwsStatus.BadSignature, AlertJws.Verify(Encoding.ASCII.GetBytes(padded), [TrustedKey.From(key)]).Status);
    }

    [Theory]
    [InlineData("{\"alg\":\"HS256\",\"cty\":\"cap+xml\"}")]
    [InlineData("{\"alg\":\"ES256\"}")]
    [InlineData("{\"alg\":\"ES256\",\"cty\":\"cap+xml\",\"crit\":[\"exp\"]}")]
    [InlineData("{\"alg\":\"ES256\",\"alg\":\"none\",\"cty\":\"cap+xml\"}")]
    [InlineData("[1]")]
    public void Verify_UnacceptableHeader_IsRejectedEvenWithAValidSignature(string header)
    {
        using var key = P256Pem.ImportPublic(city.PublicPem);
        var signingInput = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString("<alert/>"u8)}";
        var signature = city.Key.SignData(Encoding.ASCII.GetBytes(signingInput), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var result = AlertJws.Verify(Encoding.ASCII.GetBytes($"{signingInput}.{Base64Url.EncodeToString(signature)}"), [TrustedKey.From(key)]);

        Assert.Equal(JwsStatus.BadSignature, result.Status);
    }

    [Fact]
    public void Verify_DerEncodedSignature_IsRejected()
    {
        using var key = P256Pem.ImportPublic(city.PublicPem);
        var parts = Encoding.ASCII.GetString(city.Sign("<alert/>")).Split('.');
        var der = city.Key.SignData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence);

        var result = AlertJws.Verify(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(der)}"), [TrustedKey.From(key)]);

        Assert.Equal(JwsStatus.BadSignature, result.Status);
    }

    [Fact]
    public void ImportPublic_OtherCurve_IsRefusedWithAReason()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);

        var error = Assert.Throws<FormatException>(() => P256Pem.ImportPublic(p384.ExportSubjectPublicKeyInfoPem()));

        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => city.Dispose();

    private static string JsonHeader(byte[] jws) =>
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(Encoding.ASCII.GetString(jws).Split('.')[0]));
}
