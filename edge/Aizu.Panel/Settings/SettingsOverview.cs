namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/settings</c>.</summary>
/// <param name="Tariff">The configured tariff; null when none is configured (the panel then shows energy, no money).</param>
/// <param name="ConfigFile">The JSON configuration file the gateway read (the tariff is edited there); null when it runs on built-in defaults and environment variables only.</param>
/// <param name="Storage">Retention, free-space floor and the store's health.</param>
/// <param name="Influx">The InfluxDB mirror; null when not configured.</param>
/// <param name="ActiveConsents">Consents currently given (they must be withdrawn before erasing); null when consent is not set up on this gateway.</param>
internal sealed record SettingsOverview(
    TariffDescription? Tariff,
    string? ConfigFile,
    RetentionSettings Storage,
    InfluxMirrorItem? Influx,
    int? ActiveConsents,
    DateOnly Today);
