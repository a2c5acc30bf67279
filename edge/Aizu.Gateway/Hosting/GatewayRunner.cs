using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Aizu.Gateway.Cli;
using Aizu.Gateway.Configuration;
using Aizu.Panel;

namespace Aizu.Gateway.Hosting;

/// <summary>Runs the gateway until Ctrl+C / SIGTERM, turning start-up failures into clear messages and exit codes.</summary>
internal static class GatewayRunner
{
    public static async Task<int> RunAsync(RunSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = GatewayApplication.Build(settings);
        }
        catch (GatewayConfigurationException ex)
        {
            return ConfigurationError(error, ex.Problems);
        }
        catch (InvalidDataException ex)
        {
            // A JSON syntax error in the configuration file.
            return ConfigurationError(error, [ex.Message]);
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                return ConfigurationError(error, ex.Failures.ToList());
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

    private static int ConfigurationError(TextWriter error, IReadOnlyList<string> problems)
    {
        error.WriteLine("error: the configuration is not valid:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  - {problem}");
        }

        return ExitCodes.BadConfiguration;
    }
}
