namespace Aizu.Storage;

/// <summary>
/// The one migration scheme of the gateway's file: table <c>schema_migrations</c> holds one row per
/// <see cref="SchemaComponent"/> with the version its tables are at. Steps only move forward; a
/// component from a newer gateway is refused rather than guessed at.
/// </summary>
/// <remarks>
/// Files from before this table kept three versions in three places (the store's <c>PRAGMA user_version</c>,
/// <c>consent_schema</c>, <c>egress_schema</c>); a component without a row starts from the version its
/// old place records, so those files upgrade in place. The old places are left as they were.
/// </remarks>
internal static class SchemaMigrations
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations(component TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;";

    /// <summary>Brings <paramref name="component"/> to its latest version; returns the version found.</summary>
    /// <param name="refuse">Makes the exception for a version newer than this build knows.</param>
    public static int Migrate(SqliteConnection connection, SchemaComponent component, Func<int, Exception> refuse)
    {
        // A file already at the latest version is only read, so a read-only file still opens for reading.
        var (found, recorded) = ReadVersion(connection, null, component);
        if (found > component.LatestVersion)
        {
            throw refuse(found);
        }

        if (recorded && found == component.LatestVersion)
        {
            return found;
        }

        while (true)
        {
            // IMMEDIATE, version re-read inside: a gateway and an `aizu` command starting together must
            // not both run a step. Each step commits with its version, so a power cut mid-migration
            // leaves the previous version and the step runs again.
            using var transaction = connection.BeginTransaction(deferred: false);
            Execute(connection, transaction, CreateTable);
            var (version, _) = ReadVersion(connection, transaction, component);
            if (version > component.LatestVersion)
            {
                throw refuse(version);
            }

            var next = Math.Min(version + 1, component.LatestVersion);
            if (version < component.LatestVersion)
            {
                Execute(connection, transaction, component.Steps[version]);
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations(component, version) VALUES ($c, $v) ON CONFLICT(component) DO UPDATE SET version = excluded.version;";
                record.Parameters.AddWithValue("$c", component.Name);
                record.Parameters.AddWithValue("$v", next);
                record.ExecuteNonQuery();
            }

            transaction.Commit();
            if (next == component.LatestVersion)
            {
                return found;
            }
        }
    }

    /// <summary>The component's version, and whether <c>schema_migrations</c> records it (false: read from its old place, or 0).</summary>
    public static (int Version, bool Recorded) ReadVersion(SqliteConnection connection, SqliteTransaction? transaction, SchemaComponent component)
    {
        if (TableExists(connection, transaction, "schema_migrations"))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT version FROM schema_migrations WHERE component = $c;";
            command.Parameters.AddWithValue("$c", component.Name);
            if (command.ExecuteScalar() is { } version)
            {
                return (Convert.ToInt32(version, CultureInfo.InvariantCulture), true);
            }
        }

        if (component.LegacyUserVersion)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA user_version;";
            return (Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture), false);
        }

        if (component.LegacyVersionTable is { } table && TableExists(connection, transaction, table))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT version FROM \"{table}\" WHERE id = 1;";
            return (command.ExecuteScalar() is { } version ? Convert.ToInt32(version, CultureInfo.InvariantCulture) : 0, false);
        }

        return (0, false);
    }

    private static bool TableExists(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
