using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Aizu.Egress;

/// <summary>
/// Everything that ever left the gateway: each completed send with its time, topic, payload exactly as
/// sent, consent reference and the broker's PUBACK reason code. Read-only and append-only from here;
/// each call opens its own read-only connection, so <c>aizu egress log</c> can read it while the
/// gateway runs.
/// </summary>
public sealed class EgressLog
{
    private readonly string connectionString;

    /// <summary>Reads <see cref="EgressOptions.DatabasePath"/>.</summary>
    public EgressLog(IOptions<EgressOptions> options)
        : this(options?.Value.DatabasePath ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Reads the gateway's SQLite file at <paramref name="databasePath"/>.</summary>
    public EgressLog(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
    }

    /// <summary>Entries matching <paramref name="filter"/>, oldest first. Empty when nothing was ever sent.</summary>
    /// <exception cref="SqliteException">The file does not exist or cannot be read.</exception>
    public Task<IReadOnlyList<EgressLogEntry>> ListAsync(EgressLogFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        if (EgressSchemaProbe.HasLog(connection) is false)
        {
            return Task.FromResult<IReadOnlyList<EgressLogEntry>>([]);
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT msg_id, attempt, at_ms, kind, topic, payload, content_type, user_properties, retain, consent_ref, reason_code, reason, delivered
            FROM egress_log
            WHERE ($since IS NULL OR at_ms >= $since) AND ($until IS NULL OR at_ms < $until)
              AND ($consent IS NULL OR consent_id = $consent) AND ($delivered IS NULL OR delivered = $delivered)
            ORDER BY id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$since", (object?)filter.Since?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$until", (object?)filter.Until?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$consent", (object?)filter.ConsentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$delivered", filter.Delivered is { } delivered ? (delivered ? 1 : 0) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Max(0, filter.Limit));
        using var reader = command.ExecuteReader();
        var entries = new List<EgressLogEntry>();
        while (reader.Read())
        {
            entries.Add(new EgressLogEntry(
                reader.GetString(0),
                reader.GetInt32(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                (MessageKind)reader.GetInt32(3),
                reader.GetString(4),
                (byte[])reader.GetValue(5),
                reader.GetString(6),
                OutboxRows.ReadProperties(reader.GetString(7)),
                reader.GetInt64(8) != 0,
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetInt64(12) != 0));
        }

        return Task.FromResult<IReadOnlyList<EgressLogEntry>>(entries);
    }
}
