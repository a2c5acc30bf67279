namespace Aizu.Egress.Tests.Persistence;

/// <summary>
/// The gateway's file as it was written before <c>schema_migrations</c>: the reading store's version in
/// <c>PRAGMA user_version</c>, consent's in <c>consent_schema</c>, egress's in <c>egress_schema</c>.
/// </summary>
public sealed class SharedFileMigrationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("aizu-shared-file-").FullName;

    private string DatabasePath => Path.Combine(directory, "gateway.db");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_file_made_with_the_three_old_version_schemes_upgrades_in_place_and_keeps_its_data()
    {
        WriteFileWithTheOldSchemes();

        await using (var store = new ReadingStore(Options.Create(new StorageOptions { DatabasePath = DatabasePath }), NullLogger<ReadingStore>.Instance, new HouseholdCalendar(TimeZoneInfo.Utc)))
        {
            Assert.Equal(1, await store.CountAsync(CancellationToken.None));
        }

        var ledger = new ConsentLedger(Options.Create(new ConsentOptions { DatabasePath = DatabasePath }), NullLogger<ConsentLedger>.Instance);
        Assert.True((await ledger.VerifyAsync(CancellationToken.None)).IsIntact);
        using (var egress = new EgressDatabase(Options.Create(new EgressOptions { DatabasePath = DatabasePath }), NullLogger<EgressDatabase>.Instance))
        {
            Assert.Equal("yes", await egress.ReadAsync(connection => GatewayDatabase.Scalar<string>(connection, "SELECT value FROM egress_state WHERE key = 'kept';"), CancellationToken.None));
        }

        // Each component now has its row at the version it already had: no step ran again.
        using var check = Open();
        Assert.Equal((long)StorageSchema.Component.LatestVersion, GatewayDatabase.Scalar<long>(check, "SELECT version FROM schema_migrations WHERE component = 'storage';"));
        Assert.Equal((long)ConsentSchema.Component.LatestVersion, GatewayDatabase.Scalar<long>(check, "SELECT version FROM schema_migrations WHERE component = 'consent';"));
        Assert.Equal((long)EgressSchema.Component.LatestVersion, GatewayDatabase.Scalar<long>(check, "SELECT version FROM schema_migrations WHERE component = 'egress';"));
    }

    [Fact]
    public async Task A_component_at_an_old_version_runs_only_its_missing_steps()
    {
        using (var connection = Open())
        {
            // Egress at version 1 of the old scheme, nothing else in the file.
            GatewayDatabase.Execute(connection, EgressSchema.Component.Steps[0]);
            GatewayDatabase.Execute(connection, "CREATE TABLE egress_schema(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL); INSERT INTO egress_schema VALUES (1, 1);");
        }

        using (var egress = new EgressDatabase(Options.Create(new EgressOptions { DatabasePath = DatabasePath }), NullLogger<EgressDatabase>.Instance))
        {
            // Version 4 added egress_dataset.
            Assert.Equal(0L, await egress.ReadAsync(connection => GatewayDatabase.Scalar<long>(connection, "SELECT count(*) FROM egress_dataset;"), CancellationToken.None));
        }

        using var check = Open();
        Assert.Equal((long)EgressSchema.Component.LatestVersion, GatewayDatabase.Scalar<long>(check, "SELECT version FROM schema_migrations WHERE component = 'egress';"));
    }

    private void WriteFileWithTheOldSchemes()
    {
        using var connection = Open();
        GatewayDatabase.Execute(connection, "PRAGMA journal_mode = WAL;");
        foreach (var step in StorageSchema.Component.Steps)
        {
            GatewayDatabase.Execute(connection, step);
        }

        GatewayDatabase.Execute(connection, Invariant($"PRAGMA user_version = {StorageSchema.Component.LatestVersion};"));
        GatewayDatabase.Execute(connection, "INSERT INTO series(id, name, unit) VALUES (1, 'elec.power', 'W'); INSERT INTO open_reading(ts_key, series_id, ts_ms, value, quality) VALUES ((1767225600000 << 20) | 1, 1, 1767225600000, 250.0, 0);");
        GatewayDatabase.Execute(connection, string.Join('\n', ConsentSchema.Component.Steps));
        GatewayDatabase.Execute(connection, Invariant($"CREATE TABLE consent_schema(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL); INSERT INTO consent_schema VALUES (1, {ConsentSchema.Component.LatestVersion});"));
        GatewayDatabase.Execute(connection, string.Join('\n', EgressSchema.Component.Steps));
        GatewayDatabase.Execute(connection, Invariant($"CREATE TABLE egress_schema(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL); INSERT INTO egress_schema VALUES (1, {EgressSchema.Component.LatestVersion});"));
        GatewayDatabase.Execute(connection, "INSERT INTO egress_state(key, value) VALUES ('kept', 'yes');");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
