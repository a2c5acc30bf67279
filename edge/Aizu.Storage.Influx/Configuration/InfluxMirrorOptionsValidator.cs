namespace Aizu.Storage.Influx;

/// <summary>
/// Checks <see cref="InfluxMirrorOptions"/> at start-up so a wrong value stops the gateway with a
/// message naming the key to fix, instead of a mirror that silently never writes.
/// </summary>
internal sealed class InfluxMirrorOptionsValidator(string sectionPath) : SectionOptionsValidator<InfluxMirrorOptions>(sectionPath)
{
    /// <inheritdoc />
    protected override void Check(InfluxMirrorOptions options, List<string> failures)
    {
        static bool Set(string value) => !string.IsNullOrWhiteSpace(value);

        if (!Set(options.Url))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.Url))} is required: the InfluxDB server's address, for example http://192.168.1.20:8086.");
        }
        else if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(url.Query))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.Url))} '{options.Url}' is not an http:// or https:// address without a query.");
        }

        var hasBucket = Set(options.Bucket);
        var hasDatabase = Set(options.Database);
        if (hasBucket == hasDatabase)
        {
            failures.Add(hasBucket
                ? $"Set either {Key(nameof(InfluxMirrorOptions.Bucket))} (InfluxDB 2.x/3.x) or {Key(nameof(InfluxMirrorOptions.Database))} (InfluxDB 1.x), not both."
                : $"{Key(nameof(InfluxMirrorOptions.Bucket))} (with {Key(nameof(InfluxMirrorOptions.Org))}, InfluxDB 2.x/3.x) or {Key(nameof(InfluxMirrorOptions.Database))} (InfluxDB 1.x) is required.");
        }

        if (hasBucket && !Set(options.Org))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.Org))} is required with {Key(nameof(InfluxMirrorOptions.Bucket))}.");
        }

        if (hasDatabase && Set(options.Org))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.Org))} belongs to InfluxDB 2.x/3.x; with {Key(nameof(InfluxMirrorOptions.Database))} leave it empty.");
        }

        if (Set(options.RetentionPolicy) && !hasDatabase)
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.RetentionPolicy))} needs {Key(nameof(InfluxMirrorOptions.Database))} (InfluxDB 1.x).");
        }

        if (options.Database.Contains('/', StringComparison.Ordinal) || options.RetentionPolicy.Contains('/', StringComparison.Ordinal))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.Database))} and {Key(nameof(InfluxMirrorOptions.RetentionPolicy))} must not contain '/'.");
        }

        if (Set(options.Token) && (Set(options.Username) || Set(options.Password)))
        {
            failures.Add($"Set either {Key(nameof(InfluxMirrorOptions.Token))} or {Key(nameof(InfluxMirrorOptions.Username))}/{Key(nameof(InfluxMirrorOptions.Password))}, not both.");
        }
        else if (Set(options.Username) != Set(options.Password))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.Username))} and {Key(nameof(InfluxMirrorOptions.Password))} go together: set both or neither.");
        }

        if (options.Username.Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.Username))} must not contain ':'.");
        }

        if (!Enum.IsDefined(options.WriteEndpoint))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.WriteEndpoint))} must be V2 or V1.");
        }
        else if (options.WriteEndpoint == InfluxWriteEndpoint.V1 && !hasDatabase)
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.WriteEndpoint))} V1 (InfluxDB 1.x before 1.8) needs {Key(nameof(InfluxMirrorOptions.Database))}.");
        }

        if (options.BatchSize is < 1 or > 50_000)
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.BatchSize))} must be between 1 and 50000; it is {options.BatchSize}.");
        }

        if (options.FlushInterval < TimeSpan.FromMilliseconds(100) || options.FlushInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.FlushInterval))} must be between 00:00:00.1 and 01:00:00.");
        }

        if (options.MaxRetryDelay < TimeSpan.FromSeconds(1) || options.MaxRetryDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.MaxRetryDelay))} must be between 00:00:01 and 01:00:00.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Key(nameof(InfluxMirrorOptions.Timeout))} must be between 00:00:01 and 00:10:00.");
        }
    }
}
