namespace Aizu.Gateway.Identity;

/// <summary>
/// Whether a certificate can be this device's broker identity: it certifies the device key, names the gateway id,
/// is valid now, may be used for client authentication and chains to the city's CA. Used by <c>aizu enroll</c>
/// before installing one and by <c>aizu doctor</c> on the installed one.
/// </summary>
internal static class DeviceCertificateRules
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>Each reason the certificate cannot serve this identity, as one sentence; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(DeviceIdentity identity, X509Certificate2 certificate, X509Certificate2? cityCa, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Problems(certificate, identity.Key, identity.Files.Key, identity.GatewayId, cityCa, now);
    }

    /// <summary>Each reason the certificate cannot serve the key in <paramref name="keyFile"/> as <paramref name="gatewayId"/>; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(X509Certificate2 certificate, ECDsa key, string keyFile, string gatewayId, X509Certificate2? cityCa, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(key);
        var problems = new List<string>();
        if (!Certifies(certificate, key))
        {
            problems.Add($"it certifies another key, not this device's ({keyFile}); it was issued for another request");
        }

        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!string.Equals(commonName, gatewayId, StringComparison.Ordinal))
        {
            problems.Add($"its CN is '{commonName}', not this gateway's id '{gatewayId}' (the broker's ACL uses the CN as the gateway's name)");
        }

        if (certificate.NotAfter.ToUniversalTime() <= now.UtcDateTime)
        {
            problems.Add($"it expired on {Day(certificate.NotAfter)}");
        }
        else if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            problems.Add($"it is valid only from {Day(certificate.NotBefore)} (check this device's clock)");
        }

        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is { } usage
            && !usage.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ClientAuthentication))
        {
            problems.Add("it may not be used for TLS client authentication (its extended key usage lacks clientAuth)");
        }

        if (cityCa is not null && !ChainsTo(certificate, cityCa, now))
        {
            problems.Add($"it was not issued by the city CA '{cityCa.Subject}'");
        }

        return problems;
    }

    /// <summary>Days until the certificate ends (negative once it has).</summary>
    public static double DaysLeft(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return (certificate.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays;
    }

    /// <summary>A UTC day, as installers write it.</summary>
    public static string Day(DateTime instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool Certifies(X509Certificate2 certificate, ECDsa key)
    {
        using var presented = certificate.GetECDsaPublicKey();
        return presented is not null
            && presented.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo());
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // Revocation is the broker's business (its CRL); validity is judged separately above.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        return chain.Build(certificate);
    }
}
