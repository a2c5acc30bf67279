using System.Security.Cryptography;

namespace Aizu.Consent;

/// <summary>
/// Reading and writing the P-256 keys ES256 needs as PEM. Only P-256 is accepted: ES256 is defined
/// for that curve (RFC 7518 §3.4), and a key on another curve signing "ES256" is a configuration error.
/// </summary>
public static class P256Keys
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Creates a fresh P-256 key pair.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>True when <paramref name="key"/> is on the P-256 curve.</summary>
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

    /// <summary>The public half as a PEM <c>PUBLIC KEY</c> (SubjectPublicKeyInfo), for pinning and offline verification.</summary>
    public static string ExportPublicKeyPem(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> on P-256; <paramref name="problem"/> says why not otherwise.</summary>
    public static bool TryImportPublicKeyPem(string? pem, out ECDsa? key, out string? problem) =>
        TryImport(pem, ["PUBLIC KEY"], "a PEM public key (-----BEGIN PUBLIC KEY-----)", out key, out problem);

    /// <summary>Reads a PEM private key (PKCS#8 <c>PRIVATE KEY</c>, or SEC 1 <c>EC PRIVATE KEY</c>) on P-256.</summary>
    public static bool TryImportPrivateKeyPem(string? pem, out ECDsa? key, out string? problem) =>
        TryImport(pem, ["PRIVATE KEY", "EC PRIVATE KEY"], "a PEM private key (-----BEGIN PRIVATE KEY-----)", out key, out problem);

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> on P-256 or throws <see cref="ArgumentException"/> saying why.</summary>
    public static ECDsa ImportPublicKeyPem(string pem) =>
        TryImportPublicKeyPem(pem, out var key, out var problem) ? key! : throw new ArgumentException(problem, nameof(pem));

    private static bool TryImport(string? pem, string[] labels, string expected, out ECDsa? key, out string? problem)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(pem) || !PemEncoding.TryFind(pem, out var fields))
        {
            problem = $"This is not {expected}.";
            return false;
        }

        var label = pem.AsSpan()[fields.Label].ToString();
        if (!labels.Contains(label, StringComparer.Ordinal))
        {
            problem = $"This PEM holds a '{label}'; expected {expected}.";
            return false;
        }

        var candidate = ECDsa.Create();
        try
        {
            candidate.ImportFromPem(pem);
        }
        catch (CryptographicException exception)
        {
            candidate.Dispose();
            problem = $"This PEM could not be read as an elliptic-curve key: {exception.Message}";
            return false;
        }
        catch (ArgumentException exception)
        {
            candidate.Dispose();
            problem = $"This PEM could not be read as an elliptic-curve key: {exception.Message}";
            return false;
        }

        if (!IsP256(candidate))
        {
            candidate.Dispose();
            problem = "The key is not on the P-256 curve, which ES256 requires.";
            return false;
        }

        key = candidate;
        problem = null;
        return true;
    }
}
