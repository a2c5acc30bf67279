namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// The gateway's outbox read straight from its SQLite file (read-only, beside the running gateway), for what the
/// broker cannot tell: what is still waiting, and how big the outbox grew.
/// </summary>
internal static class OutboxTable
{
    /// <summary>Every outbox row, in commit order.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> ReadAsync(string database)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, msg_id, kind, topic, state, attempts FROM egress_outbox ORDER BY seq";
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return rows;
    }
}
