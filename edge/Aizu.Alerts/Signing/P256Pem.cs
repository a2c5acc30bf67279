using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Aizu.Alerts;

/// <summary>
/// The city's P-256 keys as PEM, and their RFC 7638 thumbprints (used as <c>kid</c> and to name keys in logs).
/// Only P-256 is accepted: ES256 is defined for that curve alone (RFC 7518 §3.4).
/// </summary>
public static class P256Pem
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Creates a fresh P-256 key pair.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> (or the public half of a private key PEM) on P-256.</summary>
    /// <exception cref="FormatException">It is not such a key; the message says why.</exception>
    public static ECDsa ImportPublic(string pem)
    {
        using var full = Import(pem, ["PUBLIC KEY", "PRIVATE KEY", "EC PRIVATE KEY"]);
        var key = ECDsa.Create();
        key.ImportParameters(full.ExportParameters(includePrivateParameters: false));
        return key;
    }

    /// <summary>Reads a PEM private key (PKCS#8 <c>PRIVATE KEY</c> or SEC 1 <c>EC PRIVATE KEY</c>) on P-256.</summary>
    /// <exception cref="FormatException">It is not such a key; the message says why.</exception>
    public static ECDsa ImportPrivate(string pem) => Import(pem, ["PRIVATE KEY", "EC PRIVATE KEY"]);

    /// <summary>The public half as PEM <c>PUBLIC KEY</c> (SubjectPublicKeyInfo): what a gateway pins.</summary>
    public static string ExportPublic(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The private key as PEM <c>PRIVATE KEY</c> (PKCS#8, unencrypted: protect the file).</summary>
    public static string ExportPrivate(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>The RFC 7638 JWK SHA-256 thumbprint of the public key, base64url.</summary>
    public static string Thumbprint(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parameters = key.ExportParameters(includePrivateParameters: false);

        // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
        var jwk = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url.EncodeToString(parameters.Q.X)}\",\"y\":\"{Base64Url.EncodeToString(parameters.Q.Y)}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(jwk)));
    }

    /// <summary>True when <paramref name="key"/> is on P-256.</summary>
    public static bool IsP256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            return false;
        }

        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        return curve.IsNamed
            && (string.Equals(curve.Oid.Value, P256Oid, StringComparison.Ordinal)
                || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1");
    }

    private static ECDsa Import(string pem, string[] labels)
    {
        if (string.IsNullOrWhiteSpace(pem) || !PemEncoding.TryFind(pem, out var fields))
        {
            throw new FormatException("This is not PEM text (-----BEGIN … -----).");
        }

        var label = pem.AsSpan()[fields.Label].ToString();
        if (!labels.Contains(label, StringComparer.Ordinal))
        {
            throw new FormatException($"This PEM holds a '{label}'; expected one of: {string.Join(", ", labels)}.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new FormatException($"This PEM is not an elliptic-curve key: {exception.Message}", exception);
        }

        if (!IsP256(key))
        {
            key.Dispose();
            throw new FormatException("The key is not on the P-256 curve, which ES256 requires.");
        }

        return key;
    }
}
