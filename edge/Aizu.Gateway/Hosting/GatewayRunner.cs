namespace Aizu.Gateway.Hosting;

/// <summary>Runs the gateway until Ctrl+C / SIGTERM, turning start-up failures into clear messages and exit codes.</summary>
internal static class GatewayRunner
{
    /// <summary>
    /// The binder's error for a value it cannot convert (a type the checks did not foresee): a configuration problem,
    /// reported in one line like the others.
    /// </summary>
    public static bool IsConfigurationValueError(InvalidOperationException exception) =>
        exception?.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) == true;

    public static async Task<int> RunAsync(RunSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Before anything is created: the data directory 0700, the database, its WAL and SHM, the PAN cache
        // and the panel's keys 0600, whichever component creates them.
        Aizu.Files.FileCreationMask.OwnerOnly();
        if ((settings.ConfigPath ?? (settings.Demo ? null : GatewayConfiguration.SystemConfigPath)) is { } file && ConfigurationFile.ExposureWarning(file) is { } exposed)
        {
            await error.WriteLineAsync($"warning: {exposed}");
        }

        WebApplication app;
        try
        {
            app = GatewayApplication.Build(settings);
        }
        catch (GatewayConfigurationException ex)
        {
            return ConfigurationError(error, ex.Problems);
        }
        catch (InvalidOperationException ex) when (IsConfigurationValueError(ex))
        {
            // A value the checks did not foresee (a type of their own); still one line, not a stack trace.
            return ConfigurationError(error, [ex.Message]);
        }

        await using (app)
        {
            try
            {
                GatewayApplication.ValidateOptions(app);
            }
            catch (GatewayConfigurationException ex)
            {
                return ConfigurationError(error, ex.Problems);
            }
            catch (InvalidOperationException ex) when (IsConfigurationValueError(ex))
            {
                return ConfigurationError(error, [ex.Message]);
            }

            if (GatewayConfiguration.DatabasePath(app.Configuration) is { } database && Erase.EraseMarker.IsPresent(database))
            {
                await error.WriteLineAsync($"error: an erase of this gateway was interrupted ({Erase.EraseMarker.For(database)} is there): run 'aizu erase --yes' to finish it, then start the gateway again.");
                return ExitCodes.CannotStart;
            }

            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                return ConfigurationError(error, ex.Failures.ToList());
            }
            catch (InvalidOperationException ex) when (IsConfigurationValueError(ex))
            {
                return ConfigurationError(error, [ex.Message]);
            }
            catch (IOException ex) when (ex.InnerException is SocketException or IOException || ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                await error.WriteLineAsync($"error: the panel cannot listen: {ex.Message} Use --urls to choose another address or port.");
                return ExitCodes.CannotStart;
            }

            // Before the address, so whoever reads the address has the code it asks for.
            await AnnounceSetupCodeAsync(app.Services.GetRequiredService<PanelClaim>(), output, error, cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                await output.WriteLineAsync($"Aizu panel: {address}/");
            }

            if (PanelListenAddresses.ReachableBeyondLoopback(addresses))
            {
                await output.WriteLineAsync("Note: the panel is reachable from other devices on this network, not only from this one; anyone who can reach it can read what it shows in kiosk mode and try its password.");
            }

            await AnnounceEnrolmentAsync(app, output);
            if (settings.Demo)
            {
                await output.WriteLineAsync("Demo mode: a simulated Wi-SUN dongle and smart meter stand in for the hardware. Press Ctrl+C to stop.");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }
    }

    /// <summary>
    /// Until the household sets the first panel password, the code that proves it is at the device goes to
    /// the console (and so the journal), beside the panel address it is needed for.
    /// </summary>
    private static async Task AnnounceSetupCodeAsync(PanelClaim claim, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            if (await claim.PendingCodeAsync(cancellationToken) is { } code)
            {
                await output.WriteLineAsync($"Panel setup code: {code} (needed once, to set the panel password; also on the device display and in {claim.CodeFile})");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: the panel setup code cannot be kept in {claim.CodeFile}: {ex.Message} The panel cannot be claimed until this is fixed.");
        }
    }

    /// <summary>A gateway set up for the city link but without a certificate is refused by the broker; say why and what to do.</summary>
    private static async Task AnnounceEnrolmentAsync(WebApplication app, TextWriter output)
    {
        // IOptions<T> resolves for any T (as defaults) once options exist at all, so ask whether a city link is configured.
        if (app.Configuration.GetSection("Aizu:Uplink").Exists()
            && app.Services.GetService<IOptions<Aizu.Uplink.UplinkOptions>>() is { } uplink
            && uplink.Value is { UseTls: true, ClientCertificateFile.Length: 0 } options)
        {
            var identity = app.Services.GetRequiredService<Identity.DeviceIdentity>();
            await output.WriteLineAsync($"Gateway {options.GatewayId} is not enrolled: the city broker will refuse it. 'aizu enroll --csr' prints the request to send to the city; 'aizu enroll CERT --ca CA' installs what comes back (request: {identity.Files.Request}).");
        }
    }

    private static int ConfigurationError(TextWriter error, IReadOnlyList<string> problems)
    {
        WriteProblems(error, problems);
        return ExitCodes.BadConfiguration;
    }

    /// <summary>One line per configuration problem, each complete on its own (the journal shows lines singly).</summary>
    public static void WriteProblems(TextWriter error, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            error.WriteLine($"error: {problem}");
        }
    }
}
