namespace Aizu.Gateway.Erase;

/// <summary>
/// Every file the gateway keeps about a household, found the way the gateway itself finds them: from the configuration
/// and the database's folder. A component's files outside the data folder count only when its section is configured,
/// so erasing a demo never reaches into an installed gateway's <c>/var/lib/aizu</c>.
/// </summary>
internal static class HouseholdFiles
{
    public static IReadOnlyList<HouseholdFile> Find(IConfiguration configuration, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = Path.GetFullPath(databasePath);
        var dataDirectory = Path.GetDirectoryName(database) ?? Directory.GetCurrentDirectory();
        var candidates = new List<HouseholdFile>
        {
            new(database, "readings, summaries, consent ledger and receipts, egress log and outbox"),
            new(database + "-wal", "the store's write-ahead log"),
            new(database + "-shm", "the store's shared-memory index"),
            new(database + "-journal", "the store's rollback journal"),
        };

        var consent = Bind(configuration, "Aizu:Consent", section => section.Get<ConsentOptions>()) ?? new ConsentOptions();
        consent.DatabasePath = database;
        candidates.Add(new(ConsentOptions.ResolveSigningKeyPath(consent), "the key that signed the household's consent receipts"));

        var panelFiles = PanelFiles.In(dataDirectory);
        string[] panelHolds = ["the panel password", "the panel's sessions", "the panel's one-time setup code", "the panel's cookie and form keys"];
        candidates.AddRange(panelFiles.Select((path, i) => new HouseholdFile(path, panelHolds[i])));

        // The device identity (key, gateway id, city certificate): a new household starts with a new identity.
        candidates.Add(new(DeviceIdentityFiles.For(configuration, database).Directory, "the device's key, gateway id and city certificate"));

        if (Bind(configuration, "Aizu:Egress", section => section.Get<EgressOptions>()) is { } egress)
        {
            candidates.Add(new(Path.GetFullPath(egress.SecretPath), "the secret the household's pseudonyms are derived from"));
            candidates.Add(new(Path.GetFullPath(egress.ResolveOutboxKeyPath()), "the key that seals the outbox"));
        }

        if (Bind(configuration, "Aizu:Alerts", section => section.Get<AlertOptions>()) is { } alerts)
        {
            candidates.Add(new(Path.GetFullPath(alerts.KeyStateFile), "the city alert keys this gateway accepted"));
        }

        if (Bind(configuration, "Aizu:BRoute", section => section.Get<BRouteOptions>()) is { } broute)
        {
            candidates.Add(new(Path.GetFullPath(broute.PanCachePath), "the smart meter's network found by the last scan"));
        }

        // Where the demo (and the package's example configuration) keeps it, also when the configuration names none:
        // `aizu erase` of a demo household used to leave the meter's network behind.
        candidates.Add(new(Path.Combine(dataDirectory, "broute-pan.json"), "the smart meter's network found by the last scan"));

        if (Bind(configuration, "Aizu:Pulse", section => section.Get<PulseMeterOptions>()) is { } pulse)
        {
            candidates.Add(new(Path.GetFullPath(pulse.CountFilePath), "the pulse meter's count"));
        }

        return [.. candidates
            .Where(f => File.Exists(f.Path) || Directory.Exists(f.Path))
            .DistinctBy(f => f.Path, StringComparer.Ordinal)];
    }

    // The Get<T> call is written where T is concrete, so the configuration binding generator compiles it.
    private static T? Bind<T>(IConfiguration configuration, string section, Func<IConfiguration, T?> get)
        where T : class, new() =>
        configuration.GetSection(section) is { } found && found.Exists() ? get(found) ?? new T() : null;
}
