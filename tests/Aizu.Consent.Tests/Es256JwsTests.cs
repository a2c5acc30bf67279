using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Aizu.Consent.Tests;

public sealed class Es256JwsTests
{
    // RFC 7515 Appendix A.3: the ES256 example and its key.
    private const string RfcJws =
        "eyJhbGciOiJFUzI1NiJ9"
        + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

    [Fact]
    public void Verify_Rfc7515AppendixA3_Holds()
    {
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"),
                Y = Base64Url.DecodeFromChars("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"),
            },
        });

        var result = Es256Jws.Verify(RfcJws, key);

        Assert.True(result.IsValid, result.Problem);
        Assert.Contains("\"iss\":\"joe\"", Encoding.UTF8.GetString(result.Payload.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void SignThenVerify_RoundTrips_WithAP1363Signature()
    {
        using var key = P256Keys.Create();
        var payload = "{\"hello\":\"会津\"}"u8.ToArray();

        var jws = Es256Jws.Sign(payload, key, keyId: "k1", type: "JWT");
        var result = Es256Jws.Verify(jws, key);

        Assert.True(result.IsValid);
        Assert.Equal(payload, result.Payload.ToArray());
        Assert.Equal("k1", result.KeyId);
        Assert.Equal(64, Base64Url.DecodeFromChars(jws.Split('.')[2]).Length);
        Assert.DoesNotContain('=', jws);
    }

    [Theory]
    [InlineData("{\"alg\":\"none\"}")]
    [InlineData("{\"alg\":\"HS256\"}")]
    [InlineData("{\"alg\":\"ES384\"}")]
    [InlineData("{\"typ\":\"JWT\"}")]
    [InlineData("{\"alg\":\"ES256\",\"crit\":[\"b64\"],\"b64\":false}")]
    [InlineData("[1]")]
    public void Verify_AnyOtherHeader_IsRefused(string header)
    {
        using var key = P256Keys.Create();
        var signingInput = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString("{}"u8)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var result = Es256Jws.Verify($"{signingInput}.{Base64Url.EncodeToString(signature)}", key);

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30=.AAAA")]
    public void Verify_Malformed_IsRefusedWithoutThrowing(string jws)
    {
        using var key = P256Keys.Create();

        Assert.False(Es256Jws.Verify(jws, key).IsValid);
    }

    [Fact]
    public void Verify_DerSignatureInsteadOfP1363_IsRefused()
    {
        using var key = P256Keys.Create();
        var signingInput = $"{Base64Url.EncodeToString("{\"alg\":\"ES256\"}"u8)}.{Base64Url.EncodeToString("{}"u8)}";
        var der = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.False(Es256Jws.Verify($"{signingInput}.{Base64Url.EncodeToString(der)}", key).IsValid);
    }

    [Fact]
    public void JwkThumbprint_MatchesRfc7638Recipe()
    {
        using var key = P256Keys.Create();
        var q = key.ExportParameters(false).Q;
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url.EncodeToString(q.X)}}","y":"{{Base64Url.EncodeToString(q.Y)}}"}""";

        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), JwkThumbprint.Of(key));
        Assert.Equal(43, JwkThumbprint.Of(key).Length);
    }
}
