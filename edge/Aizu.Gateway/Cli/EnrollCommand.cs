namespace Aizu.Gateway.Cli;

/// <summary>
/// <c>aizu enroll --csr [--out FILE]</c> prints (or writes) the device's certificate request, making the identity if
/// the gateway never ran; <c>aizu enroll CERT [--ca CA]</c> checks the city-issued certificate against the device
/// key and installs it (and the city CA) in the identity directory. Bad input: one line, exit 4, nothing installed.
/// </summary>
internal static class EnrollCommand
{
    private const UnixFileMode Public = AtomicFile.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static Command Create(TextWriter output, TextWriter error, TimeProvider time, RandomNumberGenerator random)
    {
        var certificate = new Argument<FileInfo?>("certificate") { Description = "The PEM certificate the city issued for this gateway's request.", Arity = ArgumentArity.ZeroOrOne };
        var ca = new Option<FileInfo?>("--ca") { Description = "The city's CA certificate (PEM): checks the certificate and pins the broker's." };
        var csr = new Option<bool>("--csr") { Description = "Print the certificate request to send to the city (made at first start, or now)." };
        var file = new Option<FileInfo?>("--out") { Description = "With --csr: write the request to this file instead of printing it." };
        var database = new DatabaseOptions();
        var command = new Command("enroll", "Print this gateway's certificate request (--csr), or install the certificate the city issued for it.")
        {
            certificate,
            ca,
            csr,
            file,
            database.Config,
            database.Database,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DeviceIdentityFiles files;
            try
            {
                var configuration = GatewayConfiguration.Load(parse.GetValue(database.Config)?.FullName);
                if (ConfigurationGuard.FindProblems(configuration) is { Count: > 0 } problems)
                {
                    GatewayRunner.WriteProblems(error, problems);
                    return ExitCodes.BadConfiguration;
                }

                files = DeviceIdentityFiles.For(configuration, parse.GetValue(database.Database)?.FullName);
            }
            catch (GatewayConfigurationException exception)
            {
                GatewayRunner.WriteProblems(error, exception.Problems);
                return ExitCodes.BadConfiguration;
            }

            var certificateFile = parse.GetValue(certificate);
            if (parse.GetValue(csr) == (certificateFile is not null))
            {
                await error.WriteLineAsync("error: give either --csr (print the request) or the certificate file the city issued.");
                return ExitCodes.BadArguments;
            }

            try
            {
                return parse.GetValue(csr)
                    ? await RequestAsync(files, parse.GetValue(file)?.FullName, output, random, cancellationToken)
                    : await InstallAsync(files, certificateFile!.FullName, parse.GetValue(ca)?.FullName, output, error, time, cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.CannotStart;
            }
        });
        return command;
    }

    private static async Task<int> RequestAsync(DeviceIdentityFiles files, string? outFile, TextWriter output, RandomNumberGenerator random, CancellationToken cancellationToken)
    {
        using var identity = await DeviceIdentity.LoadOrCreateAsync(files, random, cancellationToken);
        var pem = await File.ReadAllTextAsync(files.Request, cancellationToken);
        if (outFile is null)
        {
            await output.WriteAsync(pem);
            return ExitCodes.Ok;
        }

        await AtomicFile.WriteAsync(outFile, (stream, token) => stream.WriteAsync(Encoding.ASCII.GetBytes(pem), token).AsTask(), Public, cancellationToken);
        await output.WriteLineAsync($"Certificate request for gateway {identity.GatewayId} written to {outFile}; send it to the city and install what comes back with 'aizu enroll CERT --ca CA'.");
        return ExitCodes.Ok;
    }

    private static async Task<int> InstallAsync(DeviceIdentityFiles files, string certificateFile, string? caFile, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!File.Exists(files.Key) || !File.Exists(files.GatewayId))
        {
            await error.WriteLineAsync($"error: this gateway has no identity in {files.Directory} yet, so no certificate can be for it; run 'aizu enroll --csr' and send that request to the city first.");
            return ExitCodes.BadInput;
        }

        using var identity = DeviceIdentity.Prepare(files, RandomNumberGenerator.Create());
        using var issued = Read(certificateFile, "certificate", error);
        if (issued is null)
        {
            return ExitCodes.BadInput;
        }

        var authorityFile = caFile ?? (File.Exists(files.CityCa) ? files.CityCa : null);
        using var authority = authorityFile is null ? null : Read(authorityFile, "CA certificate", error);
        if (authorityFile is not null && authority is null)
        {
            return ExitCodes.BadInput;
        }

        if (DeviceCertificateRules.Problems(identity, issued, authority, time.GetUtcNow()) is { Count: > 0 } problems)
        {
            await error.WriteLineAsync($"error: {certificateFile} cannot be this gateway's certificate: {string.Join("; ", problems)}. Nothing was installed.");
            return ExitCodes.BadInput;
        }

        // The CA first: a certificate installed without the CA it was checked against would pin nothing.
        if (caFile is not null)
        {
            await WritePublicAsync(files.CityCa, authority!.ExportCertificatePem(), cancellationToken);
        }

        await WritePublicAsync(files.Certificate, issued.ExportCertificatePem(), cancellationToken);
        await output.WriteLineAsync($"Installed the certificate for gateway {identity.GatewayId} (issued by {issued.Issuer}, valid until {DeviceCertificateRules.Day(issued.NotAfter)}) in {files.Certificate}.");
        await output.WriteLineAsync(authority is null
            ? "No city CA is installed: the broker's certificate is checked against the system's CAs. Run again with --ca CA to pin the city's."
            : $"The broker's certificate must chain to {authority.Subject}.");
        await output.WriteLineAsync("Restart the gateway to use it (sudo systemctl restart aizu), then check with 'aizu doctor'.");
        return ExitCodes.Ok;
    }

    private static X509Certificate2? Read(string path, string what, TextWriter error)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {path} cannot be read as a {what} (PEM or DER): {exception.Message.TrimEnd('.')}.");
            return null;
        }
    }

    private static Task WritePublicAsync(string path, string pem, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, (stream, token) => stream.WriteAsync(Encoding.ASCII.GetBytes(pem), token).AsTask(), Public, cancellationToken);
}
