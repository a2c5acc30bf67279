namespace Aizu.Gateway.Doctor;

/// <summary>
/// <c>aizu doctor --bundle FILE</c>: what a supporter needs in one JSON file — the configuration with every
/// password, B-route ID, token and key replaced by <see cref="Mask"/>, the doctor's checks, the versions and the
/// service's recent journal lines — with every secret value of the configuration also scrubbed from the checks and
/// the log lines, wherever a message may have quoted it. Written 0600: it still says where the household lives online.
/// </summary>
internal static class SupportBundle
{
    /// <summary>What a secret is replaced with; its length is not kept either.</summary>
    public const string Mask = "***";

    private const int LogLines = 200;
    // Relaxed escaping: the file is read by people and grepped for secrets, so a value must appear as written.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = GatewayJsonContext.Default };
    private static readonly string[] SecretWords = ["password", "token", "secret", "routebid", "pem"];
    private static readonly string[] PlaceWords = ["Path", "File", "Directory"];

    public static async Task WriteAsync(string path, IConfiguration? configuration, IReadOnlyList<DoctorCheck> checks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in configuration?.AsEnumerable() ?? [])
        {
            if (value is null || !(key.StartsWith("Aizu:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            bool secret = IsSecret(key, value);
            settings[key] = secret && value.Length > 0 ? Mask : value;
            if (secret)
            {
                AddSecret(secrets, value);
            }
        }

        var bundle = new SupportBundleDocument(
            now,
            new SupportBundleVersions(
                Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                    ?? typeof(SupportBundle).Assembly.GetName().Version?.ToString(),
                RuntimeInformation.FrameworkDescription,
                RuntimeInformation.OSDescription,
                RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()),
            settings,
            [.. checks.Select(c => DoctorCheckReport.From(c, text => Scrub(text, secrets)))],
            [.. (await RecentLogAsync(cancellationToken)).Select(line => Scrub(line, secrets))]);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(bundle, (JsonTypeInfo<SupportBundleDocument>)Json.GetTypeInfo(typeof(SupportBundleDocument)));
        await AtomicFile.WriteAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), AtomicFile.OwnerOnly, cancellationToken);
    }

    /// <summary>
    /// Passwords, tokens, secrets, the B-route ID and any PEM (keys) by name, except keys naming where a secret is
    /// kept (<c>SecretPath</c>, <c>CityKeyFile</c>): a path helps support and gives nothing away. A private key by content.
    /// </summary>
    private static bool IsSecret(string key, string value)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        bool names = SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase))
            && !PlaceWords.Any(word => name.EndsWith(word, StringComparison.OrdinalIgnoreCase));
        return names || value.Contains("PRIVATE KEY", StringComparison.Ordinal);
    }

    // A PEM is also scrubbed line by line: a message may quote one line of it.
    private static void AddSecret(HashSet<string> secrets, string value)
    {
        foreach (var part in value.Split('\n').Append(value))
        {
            var trimmed = part.Trim();
            if (trimmed.Length >= 4 && !trimmed.StartsWith("-----", StringComparison.Ordinal))
            {
                secrets.Add(trimmed);
            }
        }
    }

    private static string Scrub(string text, HashSet<string> secrets) =>
        secrets.OrderByDescending(s => s.Length).Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));

    /// <summary>The service's last lines from the journal, or one line saying why there are none.</summary>
    private static async Task<IReadOnlyList<string>> RecentLogAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("journalctl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", "aizu", "-n", LogLines.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-pager", "-o", "short-iso" })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return lines.Length > 0 ? lines : [$"(no journal lines for aizu.service: {(await error).Trim()})"];
        }
        catch (Win32Exception)
        {
            return ["(journalctl is not installed: no log lines)"];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ["(journalctl did not answer within 10 s)"];
        }
    }
}
