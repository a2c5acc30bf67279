namespace Aizu.City.Ingest;

/// <summary>Refuses start-up with a message naming the key when <see cref="IngestOptions"/> cannot work.</summary>
internal sealed class IngestOptionsValidator(string sectionPath) : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        string Key(string property) => $"{sectionPath}:{property}";

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Key(nameof(IngestOptions.ConnectionString))} must name the city's PostgreSQL database.");
        }

        if (string.IsNullOrWhiteSpace(options.BrokerHost) || Uri.CheckHostName(options.BrokerHost) == UriHostNameType.Unknown)
        {
            failures.Add($"{Key(nameof(IngestOptions.BrokerHost))} '{options.BrokerHost}' must be the city broker's host name.");
        }

        if (options.BrokerPort is < 1 or > 65535)
        {
            failures.Add($"{Key(nameof(IngestOptions.BrokerPort))} {options.BrokerPort} must be between 1 and 65535.");
        }

        if (!WireTopics.IsLevel(options.ClientId))
        {
            failures.Add($"{Key(nameof(IngestOptions.ClientId))} '{options.ClientId}' must be set, unique per instance and stable across restarts.");
        }

        if (!WireTopics.IsLevel(options.ShareName))
        {
            failures.Add($"{Key(nameof(IngestOptions.ShareName))} '{options.ShareName}' must be one topic level.");
        }

        if (!WireTopics.IsLevel(options.Recipient))
        {
            failures.Add($"{Key(nameof(IngestOptions.Recipient))} '{options.Recipient}' must be the recipient id grants name (e.g. city-energy-office).");
        }

        if ((options.ClientCertificateFile.Length > 0) != (options.ClientKeyFile.Length > 0))
        {
            failures.Add($"{Key(nameof(IngestOptions.ClientCertificateFile))} and {Key(nameof(IngestOptions.ClientKeyFile))} go together.");
        }

        if (!options.UseTls && (options.CaFile.Length > 0 || options.ClientCertificateFile.Length > 0))
        {
            failures.Add($"{Key(nameof(IngestOptions.UseTls))} is false but certificate files are set.");
        }

        foreach (var (property, file) in new[]
        {
            (nameof(IngestOptions.CaFile), options.CaFile),
            (nameof(IngestOptions.ClientCertificateFile), options.ClientCertificateFile),
            (nameof(IngestOptions.ClientKeyFile), options.ClientKeyFile),
            (nameof(IngestOptions.ConfirmationKeyPath), options.ConfirmationKeyPath),
        })
        {
            if (file.Length > 0 && !File.Exists(file))
            {
                failures.Add($"{Key(property)} '{file}' does not exist.");
            }
        }

        if (options.ConfirmationKeyPath.Length == 0)
        {
            failures.Add($"{Key(nameof(IngestOptions.ConfirmationKeyPath))} must name the P-256 key deletion confirmations are signed with (aizu-city key generate).");
        }

        if (options.SessionExpiry <= TimeSpan.Zero || options.SessionExpiry.TotalSeconds > uint.MaxValue)
        {
            failures.Add($"{Key(nameof(IngestOptions.SessionExpiry))} must be positive: without a session a restarted instance loses what it had not acknowledged.");
        }

        if (options.MaxPayloadBytes is < 256 or > 1_048_576)
        {
            failures.Add($"{Key(nameof(IngestOptions.MaxPayloadBytes))} {options.MaxPayloadBytes} must be between 256 and 1048576.");
        }

        if (options.FutureTolerance < TimeSpan.Zero || options.FutureTolerance > TimeSpan.FromDays(1))
        {
            failures.Add($"{Key(nameof(IngestOptions.FutureTolerance))} must be between 00:00:00 and 1.00:00:00.");
        }

        if (options.BatchSize is < 1 or > 10_000 || options.QueueCapacity < options.BatchSize)
        {
            failures.Add($"{Key(nameof(IngestOptions.BatchSize))} must be 1–10000 and {Key(nameof(IngestOptions.QueueCapacity))} at least as large.");
        }

        if (options.BatchDelay < TimeSpan.Zero || options.BatchDelay > TimeSpan.FromSeconds(5))
        {
            failures.Add($"{Key(nameof(IngestOptions.BatchDelay))} must be between 00:00:00 and 00:00:05.");
        }

        if (options.ConsentGrace < TimeSpan.Zero || options.ConsentGrace > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Key(nameof(IngestOptions.ConsentGrace))} must be between 00:00:00 and 00:10:00.");
        }

        if (options.RecentRejections is < 1 or > 100_000)
        {
            failures.Add($"{Key(nameof(IngestOptions.RecentRejections))} must be between 1 and 100000.");
        }

        if (options.MetricsUrl.Length > 0 && !Uri.TryCreate(options.MetricsUrl, UriKind.Absolute, out _))
        {
            failures.Add($"{Key(nameof(IngestOptions.MetricsUrl))} '{options.MetricsUrl}' must be an http:// address or empty.");
        }

        if (options.RetentionInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Key(nameof(IngestOptions.RetentionInterval))} must be at least a second.");
        }

        if (!IsoDuration.TryParse(options.DefaultRetention, out var retention) || retention.IsZero)
        {
            failures.Add($"{Key(nameof(IngestOptions.DefaultRetention))} '{options.DefaultRetention}' must be an ISO 8601 duration such as P24M.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
