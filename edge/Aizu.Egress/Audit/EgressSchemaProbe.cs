namespace Aizu.Egress;

/// <summary>Whether a file has the egress log yet: a gateway that never sent anything has no egress tables.</summary>
internal static class EgressSchemaProbe
{
    public static bool HasLog(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'egress_log';";
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>True when the log has its hash chain columns (a gateway has migrated the file).</summary>
    public static bool HasLogChain(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('egress_log') WHERE name = 'hash';";
        return (long)command.ExecuteScalar()! > 0;
    }
}
