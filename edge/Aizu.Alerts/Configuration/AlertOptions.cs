namespace Aizu.Alerts;

/// <summary>Settings of the alert component (section <c>Aizu:Alerts</c>); validated at start-up.</summary>
public sealed class AlertOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Aizu:Alerts";

    /// <summary>The city's pinned public key as PEM text. Set this or <see cref="CityKeyFile"/>.</summary>
    public string CityKeyPem { get; set; } = "";

    /// <summary>A file holding the city's pinned public key as PEM. Set this or <see cref="CityKeyPem"/>.</summary>
    public string CityKeyFile { get; set; } = "";

    /// <summary>Where accepted key rotations are remembered (public keys only).</summary>
    public string KeyStateFile { get; set; } = "/var/lib/aizu/alert-keys.json";

    /// <summary>
    /// Largest signed message accepted, in bytes; larger ones are refused before any parsing. The default fits a
    /// signed CAP document of <see cref="CapParser.MaxDocumentBytes"/> (base64url adds a third).
    /// </summary>
    public int MaxMessageBytes { get; set; } = 1536 * 1024;

    /// <summary>How long an alert without CAP <c>expires</c> is shown after it was sent, unless updated or cancelled.</summary>
    public TimeSpan LifetimeWithoutExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many ended alerts the history keeps.</summary>
    public int HistoryLength { get; set; } = 50;

    /// <summary>The household's location and choices, kept only on this device.</summary>
    public AlertPreferences Household { get; set; } = new();
}
