namespace Aizu.Gateway.Cli;

/// <summary>
/// <c>aizu egress log [--since TIME] [--json] [--config FILE] [--database FILE]</c>: every message that
/// ever left the gateway, so the household can see exactly what the city received;
/// <c>aizu egress verify</c>: whether that log is still complete and unchanged (its hash chain).
/// </summary>
internal static class EgressCommand
{

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
        var database = new DatabaseOptions(componentKey: GatewayApplication.EgressDatabasePathKey);
        var log = new Command("log", "List every message that left the gateway: when, topic, payload as sent, consent, PUBACK reason.")
        {
            since,
            json,
            database.Config,
            database.Database,
        };
        log.SetAction((parse, cancellationToken) => database.TryResolve(parse, error, out _, out var path)
            ? ListAsync(parse.GetValue(since), parse.GetValue(json), path, output, error, cancellationToken)
            : Task.FromResult(ExitCodes.BadConfiguration));
        var verifyDatabase = new DatabaseOptions(componentKey: GatewayApplication.EgressDatabasePathKey);
        var verify = new Command("verify", "Check the egress log's hash chain: says where it breaks if a row was removed, changed or inserted.")
        {
            verifyDatabase.Config,
            verifyDatabase.Database,
        };
        verify.SetAction((parse, cancellationToken) => verifyDatabase.TryResolve(parse, error, out _, out var path)
            ? VerifyAsync(path, output, error, cancellationToken)
            : Task.FromResult(ExitCodes.BadConfiguration));
        return new Command("egress", "What the gateway sent to the city broker.") { log, verify };
    }

    internal static async Task<int> VerifyAsync(string path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
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
            return ExitCodes.VerificationFailed;
        }

        await output.WriteLineAsync($"Egress log intact: {result.Rows} rows, head hash {result.HeadHash}{unchained}.");
        await output.WriteLineAsync("Note the head hash: if the newest rows are ever removed, the chain still holds, but the head will differ.");
        return ExitCodes.Ok;
    }

    internal static async Task<int> ListAsync(
        DateTimeOffset? since, bool json, string path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
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
