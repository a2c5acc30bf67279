namespace Aizu.Gateway.Doctor;

/// <summary>
/// The city link as the gateway would use it: its device identity, its certificate (matching the key, naming the
/// gateway, issued by the pinned CA, and how long it still runs), and one visit to the broker — reachable, TLS and
/// the certificate accepted, and a test publish on the gateway's own topic received back (the ACL).
/// </summary>
internal static class CityLinkCheck
{
    // A certificate renewal goes through the city; a month leaves time for it.
    private const int WarnDays = 30;
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(IConfiguration configuration, string? databaseOverride, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(UplinkOptions.SectionName);
        if (!section.Exists())
        {
            return [new DoctorCheck("city link", DoctorOutcome.Ok, $"not configured ({UplinkOptions.SectionName}): nothing is sent anywhere")];
        }

        var options = new UplinkOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            return [new DoctorCheck("city link", DoctorOutcome.Fail, exception.Message, "Correct the Aizu:Uplink values (docs/configuration.md).")];
        }

        var checks = new List<DoctorCheck>();
        var files = DeviceIdentityFiles.For(configuration, databaseOverride);
        using var identity = Identity(files, checks);
        if (identity is not null)
        {
            DeviceIdentityUplink.Apply(options, identity);
        }

        checks.Add(Certificate(options, now));
        if (!DeviceIdentity.IsValidId(options.GatewayId) || string.IsNullOrWhiteSpace(options.Host))
        {
            checks.Add(new DoctorCheck("broker", DoctorOutcome.Fail, "no broker host or gateway id to try",
                $"Set {UplinkOptions.SectionName}:Host, and start the gateway once so it has its gateway id."));
            return checks;
        }

        checks.AddRange(Broker(options, await UplinkProbe.RunAsync(options, ProbeLimit, cancellationToken)));
        return checks;
    }

    private static DeviceIdentity? Identity(DeviceIdentityFiles files, List<DoctorCheck> checks)
    {
        if (!File.Exists(files.Key) || !File.Exists(files.GatewayId))
        {
            checks.Add(new DoctorCheck("device identity", DoctorOutcome.Fail, $"no device key and gateway id in {files.Directory} yet",
                "Start the gateway once (it makes them), or run 'sudo -u aizu aizu enroll --csr'."));
            return null;
        }

        try
        {
            var identity = DeviceIdentity.Prepare(files, RandomNumberGenerator.Create());
            checks.Add(new DoctorCheck("device identity", DoctorOutcome.Ok, $"gateway id {identity.GatewayId}, key {files.Key} readable by its owner only"));
            return identity;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            checks.Add(new DoctorCheck("device identity", DoctorOutcome.Fail, exception.Message,
                "Run 'aizu doctor' as the gateway's user (sudo -u aizu aizu doctor); the key must be mode 0600 and owned by that user."));
            return null;
        }
    }

    private static DoctorCheck Certificate(UplinkOptions options, DateTimeOffset now)
    {
        const string Name = "device certificate";
        const string Renew = "Send the request from 'aizu enroll --csr' to the city and install the certificate it returns with 'aizu enroll CERT --ca CA'.";
        if (!options.UseTls)
        {
            return new DoctorCheck(Name, DoctorOutcome.Warning, $"{UplinkOptions.SectionName}:UseTls is false: the link is neither encrypted nor authenticated",
                "Only for a test broker on this machine; set UseTls to true for the city's broker.");
        }

        if (options.ClientCertificateFile.Length == 0 || options.ClientKeyFile.Length == 0)
        {
            return new DoctorCheck(Name, DoctorOutcome.Fail, $"gateway {options.GatewayId} is not enrolled: there is no device certificate, so the city broker refuses it", Renew);
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadCertificateFromFile(options.ClientCertificateFile);
            using var authority = options.CaFile.Length > 0 ? X509CertificateLoader.LoadCertificateFromFile(options.CaFile) : null;
            if (!P256Keys.TryImportPrivatePem(File.ReadAllText(options.ClientKeyFile), out var key, out var problem))
            {
                return new DoctorCheck(Name, DoctorOutcome.Fail, $"the key {options.ClientKeyFile} is not usable: {problem}", Renew);
            }

            using (key)
            {
                var problems = DeviceCertificateRules.Problems(certificate, key!, options.ClientKeyFile, options.GatewayId, authority, now);
                var days = DeviceCertificateRules.DaysLeft(certificate, now);
                var until = $"valid until {DeviceCertificateRules.Day(certificate.NotAfter)}";
                if (problems.Count > 0)
                {
                    return new DoctorCheck(Name, DoctorOutcome.Fail, $"{options.ClientCertificateFile}: {string.Join("; ", problems)}", Renew);
                }

                return days < WarnDays
                    ? new DoctorCheck(Name, DoctorOutcome.Warning, $"{options.ClientCertificateFile} expires in {Math.Floor(days):0} days ({until}); the broker refuses it after that", Renew)
                    : new DoctorCheck(Name, DoctorOutcome.Ok, $"CN {options.GatewayId}, issued by {certificate.Issuer}, {until} ({Math.Floor(days):0} days)");
            }
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return new DoctorCheck(Name, DoctorOutcome.Fail, $"{options.ClientCertificateFile} or {options.CaFile} cannot be read: {exception.Message}", Renew);
        }
    }

    private static IEnumerable<DoctorCheck> Broker(UplinkOptions options, UplinkProbeResult probe)
    {
        var at = $"{options.Host}:{options.Port}";
        if (probe.Stage == UplinkProbeStage.Unreachable)
        {
            yield return new DoctorCheck("broker", DoctorOutcome.Fail, probe.Detail,
                $"Check the network, DNS and firewall (outgoing TCP port {options.Port}) and {UplinkOptions.SectionName}:Host and Port.");
            yield break;
        }

        yield return new DoctorCheck("broker", DoctorOutcome.Ok, $"{at} reachable");
        if (probe.Stage == UplinkProbeStage.Refused)
        {
            yield return new DoctorCheck("broker TLS", DoctorOutcome.Fail, probe.Detail,
                "The broker accepts only certificates its city CA issued and still valid (see 'device certificate'); its own must name "
                + $"{options.Host} and chain to the city CA ({UplinkOptions.SectionName}:CaFile, or the one 'aizu enroll --ca' installed).");
            yield break;
        }

        yield return new DoctorCheck("broker TLS", DoctorOutcome.Ok, options.UseTls ? $"connected to {at} with the device certificate" : $"connected to {at} (no TLS)");
        const string AclFix = "The broker's ACL must let each device write and read its own topics, named by its certificate's CN: use_identity_as_username true and 'pattern readwrite aizu/v1/doctor/%u', 'pattern write aizu/v1/status/%u' (docs/city.md).";
        yield return probe.Stage switch
        {
            UplinkProbeStage.Echoed => new DoctorCheck("broker ACL", DoctorOutcome.Ok, probe.Detail),
            UplinkProbeStage.NotEchoed => new DoctorCheck("broker ACL", DoctorOutcome.Warning, probe.Detail, AclFix),
            _ => new DoctorCheck("broker ACL", DoctorOutcome.Fail, probe.Detail, AclFix),
        };
    }
}
