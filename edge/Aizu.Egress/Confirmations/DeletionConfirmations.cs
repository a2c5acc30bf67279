namespace Aizu.Egress;

/// <summary>
/// The deletion requests the gateway sent and the recipients' confirmations of them, in the gateway's
/// SQLite file (<c>egress_deletion_confirmation</c>). A request is known from the journal's record of it
/// (<c>egress_state</c> key <c>deletion:{consent-id@version}:{pseudonym}</c>, value its message id), so only a
/// confirmation of a request this gateway made can be stored.
/// </summary>
public sealed class DeletionConfirmations(EgressDatabase database)
{
    private const string KeyPrefix = "deletion:";

    /// <summary>The deletion requests still waiting for their confirmation, with their data set's purpose.</summary>
    public Task<IReadOnlyList<AwaitedConfirmation>> GetAwaitedAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AwaitedConfirmation>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT s.key, s.value FROM egress_state s
                WHERE s.key LIKE 'deletion:%'
                  AND NOT EXISTS (SELECT 1 FROM egress_deletion_confirmation c WHERE c.request_id = s.value)
                ORDER BY s.key;
                """;
            var requests = new List<(string Key, string Id)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    requests.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            // Requests for data sets from before the gateway kept data sets have no purpose on record; their
            // confirmation topic cannot be named, so they are not awaited.
            return [.. requests.Select(r => Describe(connection, r.Key, r.Id)).OfType<AwaitedConfirmation>().Where(a => a.Purpose.Length > 0)];
        }, cancellationToken);

    /// <summary>The deletion request with message id <paramref name="requestId"/> that this gateway made, or null.</summary>
    public Task<AwaitedConfirmation?> FindRequestAsync(string requestId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key FROM egress_state WHERE key LIKE 'deletion:%' AND value = $id;";
            command.Parameters.AddWithValue("$id", requestId);
            return command.ExecuteScalar() is string key ? Describe(connection, key, requestId) : null;
        }, cancellationToken);

    /// <summary>Stores <paramref name="confirmation"/>; a second copy of the same request's confirmation changes nothing.</summary>
    public Task<bool> SaveAsync(ConfirmedDeletion confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        return database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO egress_deletion_confirmation(request_id, consent_ref, consent_id, purpose, category, pseudonym,
                    recipient, rows_deleted, confirmed_ms, received_ms, jws)
                VALUES ($request, $ref, $id, $purpose, $category, $pseudonym, $recipient, $rows, $confirmed, $received, $jws)
                ON CONFLICT DO NOTHING;
                """;
            command.Parameters.AddWithValue("$request", confirmation.RequestId);
            command.Parameters.AddWithValue("$ref", confirmation.ConsentReference);
            command.Parameters.AddWithValue("$id", confirmation.ConsentId);
            command.Parameters.AddWithValue("$purpose", confirmation.Purpose);
            command.Parameters.AddWithValue("$category", confirmation.Category);
            command.Parameters.AddWithValue("$pseudonym", confirmation.Pseudonym);
            command.Parameters.AddWithValue("$recipient", confirmation.Recipient);
            command.Parameters.AddWithValue("$rows", confirmation.Rows);
            command.Parameters.AddWithValue("$confirmed", confirmation.ConfirmedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$received", confirmation.ReceivedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$jws", confirmation.Jws);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    /// <summary>Every stored confirmation, oldest first.</summary>
    public Task<IReadOnlyList<ConfirmedDeletion>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ConfirmedDeletion>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT request_id, consent_ref, consent_id, purpose, category, pseudonym, recipient, rows_deleted, confirmed_ms, received_ms, jws
                FROM egress_deletion_confirmation ORDER BY confirmed_ms, request_id;
                """;
            return Read(command);
        }, cancellationToken);

    private static AwaitedConfirmation? Describe(SqliteConnection connection, string key, string requestId)
    {
        // The pseudonym never holds ':' (base32); the consent reference may, so split at the last one.
        var colon = key.LastIndexOf(':');
        if (colon <= KeyPrefix.Length)
        {
            return null;
        }

        var pseudonym = key[(colon + 1)..];
        using var purpose = connection.CreateCommand();
        purpose.CommandText = "SELECT purpose FROM egress_dataset WHERE pseudonym = $p;";
        purpose.Parameters.AddWithValue("$p", pseudonym);
        return new AwaitedConfirmation(requestId, key[KeyPrefix.Length..colon], purpose.ExecuteScalar() as string ?? "", pseudonym);
    }

    private static List<ConfirmedDeletion> Read(SqliteCommand command)
    {
        var list = new List<ConfirmedDeletion>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new ConfirmedDeletion(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt64(7),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                reader.GetString(10)));
        }

        return list;
    }
}
