namespace Aizu.Consent.Tests;

public sealed class SchemaTests : ConsentHarnessTests
{
    [Fact]
    public async Task ConsentTables_ShareTheFile_WithoutTouchingTheReadingStoresUserVersion()
    {
        using (var store = Open(Harness.DatabasePath))
        {
            // What the reading store does in the same file.
            Execute(store, "PRAGMA journal_mode = WAL; CREATE TABLE reading(ts INTEGER); PRAGMA user_version = 3;");
        }

        await Harness.RequestPlanningAsync();

        using var connection = Open(Harness.DatabasePath);
        Assert.Equal(3L, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(2L, Scalar(connection, "SELECT version FROM schema_migrations WHERE component = 'consent';"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM reading;"));
        Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM consent_event;"));
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["consent_catalogue", "consent_event", "consent_receipt", "consent_reconfirmation", "reading", "schema_migrations", "sqlite_sequence"], tables);
    }

    [Fact]
    public async Task ConsentTablesFromANewerGateway_AreRefused()
    {
        using (var connection = Open(Harness.DatabasePath))
        {
            Execute(connection, "CREATE TABLE consent_schema(id INTEGER PRIMARY KEY, version INTEGER NOT NULL); INSERT INTO consent_schema VALUES (1, 99);");
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Harness.Consents.GetGrantsAsync(CancellationToken.None));

        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_SurviveReopeningTheFile()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync()).Grant;

        using var reopened = Harness.OpenAnotherProcess();

        Assert.Equal(given, await reopened.Consents.GetGrantAsync(given.ConsentId, given.Version, CancellationToken.None));
        Assert.True((await reopened.Ledger.VerifyAsync(CancellationToken.None)).IsIntact);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
