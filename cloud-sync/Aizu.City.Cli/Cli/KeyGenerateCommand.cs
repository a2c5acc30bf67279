namespace Aizu.City.Cli;

/// <summary><c>aizu-city key generate --out key.pem</c>: a new P-256 signing key and its public half for gateways.</summary>
internal static class KeyGenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outFile = new Option<FileInfo>("--out") { Description = "The private key file to create (PEM, mode 600). It must not exist.", Required = true };
        var publicOut = new Option<FileInfo?>("--public-out") { Description = "Where to write the public key for gateways (default: <out>.pub.pem)." };
        var command = new Command("generate", "Create a new city signing key (ES256, P-256). Gateways pin the public key.") { outFile, publicOut };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(outFile)!;
            var publicFile = parse.GetValue(publicOut) ?? new FileInfo(Path.ChangeExtension(file.FullName, null) + ".pub.pem");
            if (file.Exists || publicFile.Exists)
            {
                await error.WriteLineAsync($"error: {(file.Exists ? file.FullName : publicFile.FullName)} exists; a key is never overwritten.");
                return ExitCodes.BadArguments;
            }

            using var key = P256Keys.Create();
            await KeyFiles.WriteSecretAsync(file.FullName, P256Keys.ExportPrivatePem(key), cancellationToken);
            await File.WriteAllTextAsync(publicFile.FullName, P256Keys.ExportPublicPem(key), cancellationToken);
            await output.WriteLineAsync($"key id (RFC 7638 thumbprint): {JwkThumbprint.Of(key)}");
            await output.WriteLineAsync($"private key: {file.FullName} (keep offline; mode 600)");
            await output.WriteLineAsync($"public key for gateways (Aizu:Alerts:CityKeyFile): {publicFile.FullName}");
            await output.WriteAsync(P256Keys.ExportPublicPem(key));
            await output.WriteLineAsync();
            return ExitCodes.Ok;
        });
        return command;
    }
}
