namespace Aizu.Consent;

/// <summary>
/// Keeps every accepted catalogue (the signed JWS as received) in <c>consent_catalogue</c> and hands
/// out the newest. A stored catalogue is verified again with the pinned key when read, so a row edited
/// in the file, or a city key that changed, never puts unverified purposes in front of the household.
/// </summary>
public sealed class PurposeCatalogueStore : IDisposable
{
    private readonly ConsentDatabase database;
    private readonly ECDsa? cityKey;
    private readonly ILogger<PurposeCatalogueStore> logger;
    private readonly Lock cacheGate = new();
    private CachedCatalogue? cached;

    /// <summary>Uses <see cref="ConsentOptions.DatabasePath"/> and <see cref="ConsentOptions.CityPublicKeyPem"/>.</summary>
    public PurposeCatalogueStore(IOptions<ConsentOptions> options, ILogger<PurposeCatalogueStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        database = new ConsentDatabase(options.Value.DatabasePath, logger);
        this.logger = logger;

        // An unusable key is reported by the options validator at start-up; here it means "none".
        if (!string.IsNullOrWhiteSpace(options.Value.CityPublicKeyPem)
            && P256Keys.TryImportPublicPem(options.Value.CityPublicKeyPem, out var key, out _))
        {
            cityKey = key;
        }
    }

    /// <summary>True when a city key is configured, i.e. a catalogue can be accepted at all.</summary>
    public bool HasCityKey => cityKey is not null;

    /// <summary>The newest accepted catalogue, verified; null when there is none or it no longer verifies.</summary>
    public async Task<PurposeCatalogue?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var latest = await ReadLatestAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        lock (cacheGate)
        {
            if (cached is { } hit && string.Equals(hit.Jws, latest.Value.Jws, StringComparison.Ordinal))
            {
                return hit.Catalogue;
            }
        }

        var check = Check(latest.Value.Jws);
        if (check.Catalogue is null)
        {
            logger.StoredCatalogueUnusable(latest.Value.Sequence, check.Problem ?? "unknown");
            return null;
        }

        lock (cacheGate)
        {
            cached = new CachedCatalogue(latest.Value.Jws, check.Catalogue);
        }

        return check.Catalogue;
    }

    /// <summary>
    /// Every stored edition that still verifies with the pinned city key, oldest first: what the integrity
    /// check explains past ledger events with. An edition that no longer verifies explains nothing.
    /// </summary>
    public async Task<IReadOnlyList<PurposeCatalogue>> ReadAllVerifiedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT jws FROM consent_catalogue ORDER BY sequence;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var editions = new List<PurposeCatalogue>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Check(reader.GetString(0)).Catalogue is { } catalogue)
            {
                editions.Add(catalogue);
            }
        }

        return editions;
    }

    /// <inheritdoc />
    public void Dispose() => cityKey?.Dispose();

    /// <summary>Verifies the city's signature and checks the content.</summary>
    internal CatalogueCheck Check(string jws)
    {
        if (cityKey is null)
        {
            return new CatalogueCheck(null, "", "No city key is configured (Aizu:Consent:CityPublicKeyPem), so no catalogue can be trusted.");
        }

        var signature = Es256Jws.Verify(jws, cityKey);
        if (!signature.IsValid)
        {
            return new CatalogueCheck(null, "", $"The city's signature does not hold: {signature.Problem}");
        }

        var segment = jws.Split('.')[1];
        PurposeCatalogue? catalogue;
        try
        {
            catalogue = JsonSerializer.Deserialize(signature.Payload.Span, ConsentJson.Default.PurposeCatalogue);
        }
        catch (JsonException exception)
        {
            return new CatalogueCheck(null, segment, $"The signed content is not a purpose catalogue: {exception.Message}");
        }

        var problem = CatalogueRules.Check(catalogue);
        return problem is null ? new CatalogueCheck(catalogue, segment, null) : new CatalogueCheck(null, segment, problem);
    }

    /// <summary>The newest stored catalogue as received, or null.</summary>
    internal async Task<(long Sequence, string Jws)?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, jws FROM consent_catalogue ORDER BY sequence DESC LIMIT 1;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Stores an accepted catalogue; false when that sequence is already stored.</summary>
    internal async Task<bool> StoreAsync(long sequence, string jws, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO consent_catalogue(sequence, received_at, jws) VALUES ($sequence, $at, $jws) ON CONFLICT(sequence) DO NOTHING;";
        command.Parameters.AddWithValue("$sequence", sequence);
        command.Parameters.AddWithValue("$at", receivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$jws", jws);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private sealed record CachedCatalogue(string Jws, PurposeCatalogue Catalogue);
}
