namespace Aizu.Gateway.Hosting;

/// <summary>What <c>aizu run</c> was asked to do.</summary>
/// <param name="Demo">Simulated dongle and meter instead of hardware.</param>
/// <param name="ConfigPath">Explicit configuration file, or null for the default locations.</param>
/// <param name="Urls">Panel listen address(es), or null for the configured/default one.</param>
/// <param name="Profile">Demo household: <c>jp</c> (B-route smart meter) or <c>eu</c> (DSMR P1 meter with gas).</param>
internal sealed record RunSettings(bool Demo, string? ConfigPath, string? Urls, string Profile = "jp")
{
    /// <summary>The panel's default address: loopback only, until the panel has its own login.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8480";
}
