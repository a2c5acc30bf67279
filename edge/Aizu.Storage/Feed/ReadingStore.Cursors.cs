namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    /// <summary>
    /// The positions a consumer of the store (for example the InfluxDB mirror) saved with
    /// <see cref="SetCursorsAsync"/>, by key; empty when it never saved any. They live in the same file
    /// as the readings, so a backup or a restart keeps them together.
    /// </summary>
    public Task<IReadOnlyDictionary<string, long>> GetCursorsAsync(string consumer, CancellationToken cancellationToken)
    {
        var prefix = CursorPrefix(consumer);
        return ReadAsync<IReadOnlyDictionary<string, long>>((connection, _) =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key, value FROM store_meta WHERE key >= $from AND key < $to;";
            command.Parameters.AddWithValue("$from", prefix);
            command.Parameters.AddWithValue("$to", prefix[..^1] + (char)(prefix[^1] + 1));
            using var reader = command.ExecuteReader();
            var result = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read())
            {
                if (long.TryParse(reader.GetString(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var position))
                {
                    result[reader.GetString(0)[prefix.Length..]] = position;
                }
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves <paramref name="positions"/> for <paramref name="consumer"/> in one transaction (all or
    /// none), durably like an append; keys not named keep their value.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is written.</exception>
    public async Task SetCursorsAsync(string consumer, IEnumerable<KeyValuePair<string, long>> positions, CancellationToken cancellationToken)
    {
        var prefix = CursorPrefix(consumer);
        ArgumentNullException.ThrowIfNull(positions);
        await database.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR REPLACE INTO store_meta(key, value) VALUES ($key, $value);";
            var key = command.Parameters.Add("$key", SqliteType.Text);
            var value = command.Parameters.Add("$value", SqliteType.Text);
            foreach (var (name, position) in positions)
            {
                ArgumentException.ThrowIfNullOrEmpty(name, nameof(positions));
                key.Value = prefix + name;
                value.Value = position.ToString(CultureInfo.InvariantCulture);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return 0;
        }, cancellationToken);
    }

    private static string CursorPrefix(string consumer)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        if (consumer.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A consumer name must not contain '/'.", nameof(consumer));
        }

        return "cursor/" + consumer + "/";
    }
}
