namespace Aizu.Signing.Tests;

public sealed class P256KeysTests
{
    // The P-256 example key of RFC 7517 Appendix A.1 (x = MKBCTNIc…, y = 4Etl6SRW…).
    private const string Rfc7517Pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEMKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D7gS2XpJFbZiItSs3m9+9Ue6GnvHw/GW2ZZaVtszggXIw==\n-----END PUBLIC KEY-----";

    [Fact]
    public void Thumbprint_KnownAnswerForTheRfc7517Key()
    {
        // RFC 7638 §3.2 over {"crv","kty","x","y"} of that key, computed independently with Python's hashlib.
        using var key = P256Keys.ImportPublicPem(Rfc7517Pem);

        Assert.Equal("cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s", JwkThumbprint.Of(key));
    }

    [Fact]
    public void Thumbprint_FollowsTheRfc7638Recipe_ForAnyKey()
    {
        using var key = P256Keys.Create();
        var q = key.ExportParameters(false).Q;
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url.EncodeToString(q.X)}}","y":"{{Base64Url.EncodeToString(q.Y)}}"}""";

        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), JwkThumbprint.Of(key));
    }

    [Fact]
    public void Pem_RoundTrips_AndAPublicKeyIsOnlyEverAPublicKey()
    {
        using var key = P256Keys.Create();
        using var privateCopy = P256Keys.ImportPrivatePem(P256Keys.ExportPrivatePem(key));
        using var half = P256Keys.ImportPublicHalfPem(P256Keys.ExportPrivatePem(key));

        Assert.Equal(JwkThumbprint.Of(key), JwkThumbprint.Of(privateCopy));
        Assert.Equal(JwkThumbprint.Of(key), JwkThumbprint.Of(half));
        Assert.Throws<CryptographicException>(() => half.ExportPkcs8PrivateKey());
        Assert.False(P256Keys.TryImportPublicPem(P256Keys.ExportPrivatePem(key), out _, out var problem));
        Assert.Contains("PRIVATE KEY", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_OtherCurveOrNotPem_IsRefusedWithAReason()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Contains("P-256", Assert.Throws<FormatException>(() => P256Keys.ImportPublicPem(p384.ExportSubjectPublicKeyInfoPem())).Message, StringComparison.Ordinal);
        Assert.False(P256Keys.TryImportPrivatePem("not a key", out _, out var problem));
        Assert.Contains("not a PEM private key", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Es256Jws.Sign("x"u8, p384));
    }

    [Fact]
    public void PublicPemProblem_IsNullForAP256PublicKey_AndTheReasonOtherwise()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Null(P256Keys.PublicPemProblem(Rfc7517Pem));
        Assert.Contains("P-256", P256Keys.PublicPemProblem(p384.ExportSubjectPublicKeyInfoPem()), StringComparison.Ordinal);
        Assert.Contains("not a PEM public key", P256Keys.PublicPemProblem("not a key"), StringComparison.Ordinal);
    }
}
