namespace Aizu.Signing;

/// <summary>
/// The P-256 keys ES256 needs, as PEM. Only P-256 is accepted: ES256 is defined for that curve alone
/// (RFC 7518 §3.4), and a key on another curve signing "ES256" is a configuration error.
/// </summary>
public static class P256Keys
{
    private const string P256Oid = "1.2.840.10045.3.1.7";
    private static readonly string[] PublicLabels = ["PUBLIC KEY"];
    private static readonly string[] PrivateLabels = ["PRIVATE KEY", "EC PRIVATE KEY"];
    private static readonly string[] AnyLabels = ["PUBLIC KEY", "PRIVATE KEY", "EC PRIVATE KEY"];

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

    /// <summary>The public half as PEM <c>PUBLIC KEY</c> (SubjectPublicKeyInfo): what a verifier pins.</summary>
    public static string ExportPublicPem(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The private key as PEM <c>PRIVATE KEY</c> (PKCS#8, unencrypted: protect the file).</summary>
    public static string ExportPrivatePem(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> on P-256; <paramref name="problem"/> says why not otherwise.</summary>
    public static bool TryImportPublicPem(string? pem, out ECDsa? key, out string? problem) => TryImport(ImportPublicPem, pem, out key, out problem);

    /// <summary>
    /// Why <paramref name="pem"/> is not a PEM <c>PUBLIC KEY</c> on P-256, or null when it is: for options validators,
    /// which only check the key and keep nothing.
    /// </summary>
    public static string? PublicPemProblem(string? pem)
    {
        if (!TryImportPublicPem(pem, out var key, out var problem))
        {
            return problem;
        }

        key!.Dispose();
        return null;
    }

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> on P-256.</summary>
    /// <exception cref="FormatException">It is not such a key; the message says why.</exception>
    public static ECDsa ImportPublicPem(string? pem) => Import(pem, PublicLabels, "a PEM public key (-----BEGIN PUBLIC KEY-----)");

    /// <summary>Reads the public half of a PEM <c>PUBLIC KEY</c> or private key on P-256 (a tool given either).</summary>
    /// <exception cref="FormatException">It is not such a key; the message says why.</exception>
    public static ECDsa ImportPublicHalfPem(string? pem)
    {
        using var full = Import(pem, AnyLabels, "a PEM public or private key");
        var key = ECDsa.Create();
        key.ImportParameters(full.ExportParameters(includePrivateParameters: false));
        return key;
    }

    /// <summary>Reads a PEM private key (PKCS#8 <c>PRIVATE KEY</c>, or SEC 1 <c>EC PRIVATE KEY</c>) on P-256.</summary>
    /// <exception cref="FormatException">It is not such a key; the message says why.</exception>
    public static ECDsa ImportPrivatePem(string? pem) => Import(pem, PrivateLabels, "a PEM private key (-----BEGIN PRIVATE KEY-----)");

    /// <summary>Like <see cref="ImportPrivatePem"/>, without throwing.</summary>
    public static bool TryImportPrivatePem(string? pem, out ECDsa? key, out string? problem) => TryImport(ImportPrivatePem, pem, out key, out problem);

    private static bool TryImport(Func<string?, ECDsa> import, string? pem, out ECDsa? key, out string? problem)
    {
        try
        {
            key = import(pem);
            problem = null;
            return true;
        }
        catch (FormatException exception)
        {
            key = null;
            problem = exception.Message;
            return false;
        }
    }

    private static ECDsa Import(string? pem, string[] labels, string expected)
    {
        if (string.IsNullOrWhiteSpace(pem) || !PemEncoding.TryFind(pem, out var fields))
        {
            throw new FormatException($"This is not {expected}.");
        }

        var label = pem.AsSpan()[fields.Label].ToString();
        if (!labels.Contains(label, StringComparer.Ordinal))
        {
            throw new FormatException($"This PEM holds a '{label}'; expected {expected}.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new FormatException($"This PEM could not be read as an elliptic-curve key: {exception.Message}", exception);
        }

        if (!IsP256(key))
        {
            key.Dispose();
            throw new FormatException("The key is not on the P-256 curve, which ES256 requires.");
        }

        return key;
    }
}
