namespace Aizu.City.Cli;

/// <summary><c>aizu-city alert publish cap.xml --sign key.pem [--broker …] [--out file]</c>.</summary>
internal static class AlertPublishCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var cap = new Argument<FileInfo>("cap") { Description = "The CAP 1.2 XML file to sign (UTF-8)." };
        var sign = new Option<FileInfo>("--sign") { Description = "The city's private signing key (PEM).", Required = true };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the signed message (JWS) to this file." };
        var topic = new Option<string>("--topic") { Description = "MQTT topic.", DefaultValueFactory = _ => WireTopics.CityAlerts };
        var broker = new BrokerOptions();
        var command = new Command("publish", "Validate a CAP alert, sign it as JWS (ES256) and publish it retained, QoS 1, with message expiry = CAP expires − now.")
        {
            cap,
            sign,
            outFile,
            topic,
        };
        broker.AddTo(command, error, async (parse, connection, cancellationToken) =>
        {
            var file = parse.GetValue(cap)!;
            if (!file.Exists)
            {
                await error.WriteLineAsync($"error: {file.FullName} does not exist.");
                return ExitCodes.BadArguments;
            }

            if (file.Length > CapParser.MaxDocumentBytes)
            {
                await error.WriteLineAsync($"error: {file.Name} is {file.Length} bytes; gateways accept at most {CapParser.MaxDocumentBytes}.");
                return ExitCodes.BadInput;
            }

            var key = await KeyFiles.ReadPrivateAsync(parse.GetValue(sign)!, error, cancellationToken);
            if (key is null)
            {
                return ExitCodes.BadArguments;
            }

            SignedMessage signed;
            using (key)
            {
                try
                {
                    signed = CitySigning.SignAlert(await File.ReadAllBytesAsync(file.FullName, cancellationToken), key, time.GetUtcNow());
                }
                catch (CapFormatException exception)
                {
                    await error.WriteLineAsync($"error: {file.Name}: {exception.Message}");
                    return ExitCodes.BadInput;
                }
            }

            return await Deliver.RunAsync(signed, parse.GetValue(outFile), connection, parse.GetValue(topic)!, output, error, cancellationToken);
        });
        return command;
    }
}
