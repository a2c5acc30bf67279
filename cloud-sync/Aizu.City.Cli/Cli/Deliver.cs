namespace Aizu.City.Cli;

/// <summary>Writes a signed message to a file, standard output and/or the broker.</summary>
internal static class Deliver
{
    public static async Task<int> RunAsync(SignedMessage signed, FileInfo? outFile, BrokerConnection? broker, string topic, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (outFile is not null)
        {
            await File.WriteAllTextAsync(outFile.FullName, signed.Jws + "\n", cancellationToken);
        }

        if (broker is not null)
        {
            var problem = await MqttPublisher.PublishAsync(broker, topic, CitySigning.Payload(signed), signed.MessageExpirySeconds, cancellationToken);
            if (problem is not null)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.BrokerFailed;
            }

            await error.WriteLineAsync($"published to {topic} on {broker.Host}:{broker.Port} (retained, QoS 1): {signed.Summary}");
        }
        else if (outFile is null)
        {
            // Neither a file nor a broker: the signed message goes to standard output for piping.
            await output.WriteLineAsync(signed.Jws);
        }

        if (outFile is not null)
        {
            await error.WriteLineAsync($"wrote {outFile.FullName}: {signed.Summary}");
        }

        return ExitCodes.Ok;
    }
}
