namespace Aizu.City.Cli;

/// <summary>
/// <c>aizu-city key rotate --sign current.pem --next next.pem [--valid-from …] [--overlap-days 7] [--broker …] [--out …]</c>:
/// a key update signed by the current key, published retained (without expiry) on the key topic.
/// </summary>
internal static class KeyRotateCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var sign = new Option<FileInfo>("--sign") { Description = "The current private signing key (PEM), trusted by gateways now.", Required = true };
        var next = new Option<FileInfo>("--next") { Description = "The next key (PEM, public or private; only the public half is published).", Required = true };
        var validFrom = new Option<string?>("--valid-from") { Description = "When gateways start accepting the next key, e.g. 2026-12-01T09:00:00+09:00 (default: now)." };
        var overlapDays = new Option<int>("--overlap-days") { Description = "Days both keys are accepted, from --valid-from (1–90).", DefaultValueFactory = _ => 7 };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the signed key update (JWS) to this file." };
        var topic = new Option<string>("--topic") { Description = "MQTT topic.", DefaultValueFactory = _ => WireTopics.AlertKeys };
        var broker = new BrokerOptions();
        var command = new Command("rotate", "Announce the next city signing key, signed by the current one.") { sign, next, validFrom, overlapDays, outFile, topic };
        broker.AddTo(command, error, async (parse, connection, cancellationToken) =>
        {
            var now = time.GetUtcNow();
            var from = now;
            if (parse.GetValue(validFrom) is { } fromText
                && !DateTimeOffset.TryParse(fromText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from))
            {
                await error.WriteLineAsync($"error: --valid-from '{fromText}' is not a date and time such as 2026-12-01T09:00:00+09:00.");
                return ExitCodes.BadArguments;
            }

            var days = parse.GetValue(overlapDays);
            if (days is < 1 or > 90)
            {
                await error.WriteLineAsync($"error: --overlap-days {days} must be between 1 and 90.");
                return ExitCodes.BadArguments;
            }

            using var current = await KeyFiles.ReadPrivateAsync(parse.GetValue(sign)!, error, cancellationToken);
            using var nextKey = await KeyFiles.ReadPublicAsync(parse.GetValue(next)!, error, cancellationToken);
            if (current is null || nextKey is null)
            {
                return ExitCodes.BadArguments;
            }

            SignedMessage signed;
            try
            {
                signed = CitySigning.SignKeyUpdate(current, nextKey, from, TimeSpan.FromDays(days), now);
            }
            catch (ArgumentException exception)
            {
                await error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.BadArguments;
            }

            return await Deliver.RunAsync(signed, parse.GetValue(outFile), connection, parse.GetValue(topic)!, output, error, cancellationToken);
        });
        return command;
    }
}
