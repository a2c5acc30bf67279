using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aizu.Egress;
using Aizu.Gateway.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Aizu.Gateway.Cli;

/// <summary>
/// <c>aizu egress log [--since TIME] [--json] [--config FILE] [--database FILE]</c>: every message that
/// ever left the gateway, so the household can see exactly what the city received;
/// <c>aizu egress verify</c>: whether that log is still complete and unchanged (its hash chain).
/// </summary>
internal static class EgressCommand
{
    // As for 'aizu consent verify': verification found something wrong.
    private const int VerificationFailed = 5;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var since = new Option<DateTimeOffset?>("--since")
        {
            Description = "Only sends at or after this time, e.g. 2026-03-01 or 2026-03-01T09:00+09:00.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "One JSON object per line (payload as sent, user properties, PUBACK reason) instead of text.",
        };
        var config = new Option<FileInfo?>("--config")
        {
            Description = "Configuration file (JSON). Default: /etc/aizu/aizu.json if it exists.",
        };
        var database = new Option<FileInfo?>("--database")
        {
            Description = "The gateway's SQLite file. Default: Aizu:Egress:DatabasePath, else Aizu:Storage:DatabasePath.",
        };
        var log = new Command("log", "List every message that left the gateway: when, topic, payload as sent, consent, PUBACK reason.")
        {
            since,
            json,
            config,
            database,
        };
        log.SetAction((parse, cancellationToken) => ListAsync(
            parse.GetValue(since), parse.GetValue(json), parse.GetValue(config)?.FullName, parse.GetValue(database)?.FullName,
            output, error, cancellationToken));
        var verifyConfig = new Option<FileInfo?>("--config") { Description = config.Description };
        var verifyDatabase = new Option<FileInfo?>("--database") { Description = database.Description };
        var verify = new Command("verify", "Check the egress log's hash chain: says where it breaks if a row was removed, changed or inserted.")
        {
            verifyConfig,
            verifyDatabase,
        };
        verify.SetAction((parse, cancellationToken) => VerifyAsync(
            parse.GetValue(verifyConfig)?.FullName, parse.GetValue(verifyDatabase)?.FullName, output, error, cancellationToken));
        return new Command("egress", "What the gateway sent to the city broker.") { log, verify };
    }

    internal static async Task<int> VerifyAsync(string? configPath, string? databasePath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var path = databasePath ?? DatabasePathFromConfiguration(configPath, error);
        if (path is null)
        {
            return ExitCodes.BadConfiguration;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"error: the gateway database {path} does not exist; nothing has been stored or sent yet.");
            return ExitCodes.BadConfiguration;
        }

        EgressLogVerification result;
        try
        {
            result = await new EgressLog(path).VerifyAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            await error.WriteLineAsync($"error: cannot read the egress log in {path}: {exception.Message}");
            return ExitCodes.CannotStart;
        }

        var unchained = result.UnchainedRows > 0 ? $" ({result.UnchainedRows} older rows from before the chain cannot be checked)" : "";
        if (!result.IsIntact)
        {
            await output.WriteLineAsync($"Egress log BROKEN at row {result.BrokenId}: {result.Problem}");
            await output.WriteLineAsync($"{result.Rows} rows before it are intact{unchained}.");
            return VerificationFailed;
        }

        await output.WriteLineAsync($"Egress log intact: {result.Rows} rows, head hash {result.HeadHash}{unchained}.");
        await output.WriteLineAsync("Note the head hash: if the newest rows are ever removed, the chain still holds, but the head will differ.");
        return ExitCodes.Ok;
    }

    internal static async Task<int> ListAsync(
        DateTimeOffset? since, bool json, string? configPath, string? databasePath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var path = databasePath ?? DatabasePathFromConfiguration(configPath, error);
        if (path is null)
        {
            return ExitCodes.BadConfiguration;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"error: the gateway database {path} does not exist; nothing has been stored or sent yet.");
            return ExitCodes.BadConfiguration;
        }

        IReadOnlyList<EgressLogEntry> entries;
        try
        {
            entries = await new EgressLog(path).ListAsync(new EgressLogFilter { Since = since, Limit = int.MaxValue }, cancellationToken);
        }
        catch (SqliteException exception)
        {
            await error.WriteLineAsync($"error: cannot read the egress log in {path}: {exception.Message}");
            return ExitCodes.CannotStart;
        }

        foreach (var entry in entries)
        {
            await output.WriteLineAsync(json ? ToJson(entry) : ToText(entry));
        }

        if (!json && entries.Count == 0)
        {
            await error.WriteLineAsync(since is null ? "Nothing has left this gateway." : $"Nothing has left this gateway since {since:O}.");
        }

        return ExitCodes.Ok;
    }

    private static string? DatabasePathFromConfiguration(string? configPath, TextWriter error)
    {
        if (configPath is not null && !File.Exists(configPath))
        {
            error.WriteLine($"error: configuration file {configPath} does not exist.");
            return null;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(configPath ?? RunSettings.SystemConfigPath, optional: configPath is null, reloadOnChange: false)
            .AddEnvironmentVariables("AIZU_")
            .Build();
        var path = configuration["Aizu:Egress:DatabasePath"] is { Length: > 0 } egress ? egress : configuration["Aizu:Storage:DatabasePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            error.WriteLine("error: no database configured: pass --database FILE, or set Aizu:Egress:DatabasePath (or Aizu:Storage:DatabasePath).");
            return null;
        }

        return path;
    }

    private static string ToText(EgressLogEntry entry)
    {
        var outcome = entry.Delivered
            ? $"delivered 0x{entry.PubAckReasonCode:X2}"
            : entry.PubAckReasonCode is { } code ? $"REFUSED 0x{code:X2} ({entry.Reason})" : $"NO PUBACK ({entry.Reason})";
        return string.Create(CultureInfo.InvariantCulture,
            $"{entry.At.ToLocalTime():yyyy-MM-dd'T'HH:mm:sszzz}  {outcome}  {entry.ConsentReference ?? "-"}  {entry.Topic}  {Encoding.UTF8.GetString(entry.Payload.Span)}");
    }

    private static bool IsJson(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string ToJson(EgressLogEntry entry)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: this is for a terminal or a file the household reads, not for embedding in HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("at", entry.At);
            writer.WriteString("msgId", entry.MessageId);
            writer.WriteNumber("attempt", entry.Attempt);
            writer.WriteString("kind", entry.Kind.ToString());
            writer.WriteString("topic", entry.Topic);
            writer.WriteString("contentType", entry.ContentType);
            writer.WriteBoolean("retain", entry.Retain);
            if (entry.ConsentReference is { } reference)
            {
                writer.WriteString("consent", reference);
            }
            else
            {
                writer.WriteNull("consent");
            }

            if (entry.PubAckReasonCode is { } code)
            {
                writer.WriteNumber("pubackReason", code);
            }
            else
            {
                writer.WriteNull("pubackReason");
            }

            writer.WriteBoolean("delivered", entry.Delivered);
            if (entry.Reason is { } reason)
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteStartObject("userProperties");
            foreach (var (name, value) in entry.UserProperties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            // Payloads are JSON (SenML or the consent messages): embedded as the exact bytes that were sent.
            writer.WritePropertyName("payload");
            if (IsJson(entry.Payload))
            {
                writer.WriteRawValue(entry.Payload.Span, skipInputValidation: true);
            }
            else
            {
                writer.WriteStringValue(Encoding.UTF8.GetString(entry.Payload.Span));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
