namespace Aizu.City.Cli;

/// <summary>The broker options shared by the publishing commands.</summary>
internal sealed class BrokerOptions
{
    public Option<string?> Broker { get; } = new("--broker")
    {
        Description = "Publish to this broker: mqtt://host:port, or mqtts://host:port for TLS.",
    };

    public Option<FileInfo?> CaFile { get; } = new("--ca-file")
    {
        Description = "PEM file of the CA that signed the broker's certificate (mqtts only; default: the system's CAs).",
    };

    public Option<FileInfo?> ClientCertificate { get; } = new("--client-cert")
    {
        Description = "PEM certificate of the city's alert publisher identity for mutual TLS (with --client-key).",
    };

    public Option<FileInfo?> ClientKey { get; } = new("--client-key")
    {
        Description = "PEM private key for --client-cert.",
    };

    /// <summary>
    /// Adds these options to <paramref name="command"/> and makes <paramref name="action"/> its action, called with the
    /// broker's connection settings (null when no broker was given); a broker given wrongly is refused before it runs.
    /// </summary>
    public void AddTo(Command command, TextWriter error, Func<ParseResult, BrokerConnection?, CancellationToken, Task<int>> action)
    {
        command.Options.Add(Broker);
        command.Options.Add(CaFile);
        command.Options.Add(ClientCertificate);
        command.Options.Add(ClientKey);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = Read(parse, out var problem);
            if (problem is not null)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.BadArguments;
            }

            return await action(parse, connection, cancellationToken);
        });
    }

    /// <summary>The connection settings, or null (with <paramref name="problem"/> null) when no broker was given.</summary>
    private BrokerConnection? Read(ParseResult parse, out string? problem)
    {
        problem = null;
        if (parse.GetValue(Broker) is not { } text)
        {
            return null;
        }

        if (!BrokerConnection.TryParse(text, out var connection, out problem))
        {
            return null;
        }

        var certificate = parse.GetValue(ClientCertificate);
        var key = parse.GetValue(ClientKey);
        if ((certificate is null) != (key is null))
        {
            problem = "--client-cert and --client-key go together.";
            return null;
        }

        if (!connection!.UseTls && (certificate is not null || parse.GetValue(CaFile) is not null))
        {
            problem = "TLS files were given but the broker address is mqtt://; use mqtts://.";
            return null;
        }

        return connection with
        {
            CaFile = parse.GetValue(CaFile)?.FullName,
            ClientCertificateFile = certificate?.FullName,
            ClientKeyFile = key?.FullName,
        };
    }
}
