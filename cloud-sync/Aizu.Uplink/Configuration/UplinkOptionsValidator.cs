namespace Aizu.Uplink;

/// <summary>Refuses start-up with a message naming the key when <see cref="UplinkOptions"/> cannot work.</summary>
internal sealed class UplinkOptionsValidator(string sectionPath) : SectionOptionsValidator<UplinkOptions>(sectionPath)
{
    /// <inheritdoc />
    protected override void Check(UplinkOptions options, List<string> failures)
    {

        if (string.IsNullOrWhiteSpace(options.Host) || Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{Key(nameof(UplinkOptions.Host))} '{options.Host}' must be the city broker's host name.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{Key(nameof(UplinkOptions.Port))} {options.Port} must be between 1 and 65535.");
        }

        if (options.GatewayId is not { Length: >= 3 and <= 64 }
            || !options.GatewayId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            failures.Add($"{Key(nameof(UplinkOptions.GatewayId))} '{options.GatewayId}' must be 3–64 lower-case letters, digits or dashes (the device certificate's CN).");
        }

        if (!options.UseTls && (options.CaFile.Length > 0 || options.ClientCertificateFile.Length > 0))
        {
            failures.Add($"{Key(nameof(UplinkOptions.UseTls))} is false but certificate files are set; TLS settings would be ignored.");
        }

        if ((options.ClientCertificateFile.Length > 0) != (options.ClientKeyFile.Length > 0))
        {
            failures.Add($"{Key(nameof(UplinkOptions.ClientCertificateFile))} and {Key(nameof(UplinkOptions.ClientKeyFile))} go together: set both for mutual TLS or neither.");
        }

        foreach (var (property, file) in new[]
        {
            (nameof(UplinkOptions.CaFile), options.CaFile),
            (nameof(UplinkOptions.ClientCertificateFile), options.ClientCertificateFile),
            (nameof(UplinkOptions.ClientKeyFile), options.ClientKeyFile),
        })
        {
            if (file.Length > 0 && !File.Exists(file))
            {
                failures.Add($"{Key(property)} '{file}' does not exist.");
            }
        }

        if (options.SessionExpiry < TimeSpan.Zero || options.SessionExpiry.TotalSeconds > uint.MaxValue)
        {
            failures.Add($"{Key(nameof(UplinkOptions.SessionExpiry))} must be zero or more (and under 136 years).");
        }

        if (options.KeepAlive < TimeSpan.FromSeconds(5) || options.KeepAlive > TimeSpan.FromHours(18))
        {
            failures.Add($"{Key(nameof(UplinkOptions.KeepAlive))} must be between 00:00:05 and 18:00:00.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Key(nameof(UplinkOptions.Timeout))} must be at least one second.");
        }

        if (options.ReconnectMinDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            failures.Add($"{Key(nameof(UplinkOptions.ReconnectMinDelay))} must be positive and {Key(nameof(UplinkOptions.ReconnectMaxDelay))} no shorter.");
        }
    }
}
