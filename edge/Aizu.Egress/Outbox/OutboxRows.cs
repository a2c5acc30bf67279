namespace Aizu.Egress;

/// <summary>SQL for outbox rows, shared by the outbox and the writers that enqueue in their own transaction.</summary>
internal static class OutboxRows
{
    public const string MessageColumns = "msg_id, topic, payload, content_type, user_properties, consent_ref, retain, created_ms";

    /// <summary>The sealed columns, in <see cref="OutboxRow"/> order, then the seal.</summary>
    public const string SealedColumns =
        "msg_id, kind, topic, payload, content_type, user_properties, retain, consent_ref, consent_id, consent_version, category, granularity, purpose, recipient, created_ms, mac";

    /// <summary>Adds <paramref name="message"/> as pending with its <paramref name="mac"/> (<see cref="OutboxSeal"/>), inside <paramref name="transaction"/>.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, UplinkMessage message, MessageKind kind, ConsentTerms? terms, byte[] mac)
    {
        var row = ToRow(message, kind, terms);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO egress_outbox({SealedColumns}, state, attempts, next_attempt_ms)
            VALUES ($id, $kind, $topic, $payload, $type, $props, $retain,
                $ref, $cid, $cver, $cat, $gran, $purpose, $recipient,
                $created, $mac, 0, 0, $created);
            """;
        command.Parameters.AddWithValue("$id", row.MessageId);
        command.Parameters.AddWithValue("$kind", row.Kind);
        command.Parameters.AddWithValue("$topic", row.Topic);
        command.Parameters.AddWithValue("$payload", row.Payload);
        command.Parameters.AddWithValue("$type", row.ContentType);
        command.Parameters.AddWithValue("$props", row.UserProperties);
        command.Parameters.AddWithValue("$retain", row.Retain);
        command.Parameters.AddWithValue("$ref", (object?)row.ConsentReference ?? DBNull.Value);
        command.Parameters.AddWithValue("$cid", (object?)row.ConsentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$cver", (object?)row.ConsentVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$cat", (object?)row.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("$gran", (object?)row.Granularity ?? DBNull.Value);
        command.Parameters.AddWithValue("$purpose", (object?)row.Purpose ?? DBNull.Value);
        command.Parameters.AddWithValue("$recipient", (object?)row.Recipient ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", row.CreatedMs);
        command.Parameters.AddWithValue("$mac", mac);
        command.ExecuteNonQuery();
    }

    /// <summary>The row <see cref="Insert"/> stores for <paramref name="message"/>.</summary>
    public static OutboxRow ToRow(UplinkMessage message, MessageKind kind, ConsentTerms? terms) => new(
        message.MessageId,
        (long)kind,
        message.Topic,
        message.Payload.ToArray(),
        message.ContentType,
        WriteProperties(message.UserProperties),
        message.Retain ? 1 : 0,
        message.ConsentReference,
        terms?.ConsentId,
        terms?.Version,
        terms?.Category,
        terms?.Granularity,
        terms?.Purpose,
        terms?.Recipient,
        message.CreatedAt.ToUnixTimeMilliseconds());

    /// <summary>
    /// Reads columns <see cref="SealedColumns"/> starting at <paramref name="first"/>; null when a column
    /// does not hold the type the gateway writes (the row was edited), with its seal.
    /// </summary>
    public static (OutboxRow? Row, byte[]? Mac) ReadRow(SqliteDataReader reader, int first = 0)
    {
        var mac = reader.IsDBNull(first + 15) ? null : reader.GetValue(first + 15) as byte[];
        try
        {
            string? Text(int i) => reader.IsDBNull(first + i) ? null : (string)reader.GetValue(first + i);
            long? Number(int i) => reader.IsDBNull(first + i) ? null : (long)reader.GetValue(first + i);
            return (new OutboxRow(
                (string)reader.GetValue(first),
                (long)reader.GetValue(first + 1),
                (string)reader.GetValue(first + 2),
                (byte[])reader.GetValue(first + 3),
                (string)reader.GetValue(first + 4),
                (string)reader.GetValue(first + 5),
                (long)reader.GetValue(first + 6),
                Text(7),
                Text(8),
                Number(9),
                Text(10),
                Text(11),
                Text(12),
                Text(13),
                (long)reader.GetValue(first + 14)), mac);
        }
        catch (InvalidCastException)
        {
            return (null, mac);
        }
    }

    /// <summary>The message a verified <paramref name="row"/> holds.</summary>
    public static UplinkMessage ToMessage(OutboxRow row) => new(
        row.MessageId,
        row.Topic,
        row.Payload,
        row.ContentType,
        ReadProperties(row.UserProperties),
        row.ConsentReference,
        row.Retain != 0,
        DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedMs));

    /// <summary>The consent terms a verified <paramref name="row"/> was decided under, or null (consent state, deletion request).</summary>
    public static ConsentTerms? ToTerms(OutboxRow row) =>
        row.ConsentId is null || row.ConsentVersion is null || row.Category is null || row.Granularity is null || row.Purpose is null || row.Recipient is null
            ? null
            : new ConsentTerms(row.ConsentId, (int)row.ConsentVersion, row.Category, row.Granularity, row.Purpose, row.Recipient);

    /// <summary>Reads a message from columns <see cref="MessageColumns"/> starting at <paramref name="first"/>.</summary>
    public static UplinkMessage ReadMessage(SqliteDataReader reader, int first = 0) => new(
        reader.GetString(first),
        reader.GetString(first + 1),
        (byte[])reader.GetValue(first + 2),
        reader.GetString(first + 3),
        ReadProperties(reader.GetString(first + 4)),
        reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5),
        reader.GetInt64(first + 6) != 0,
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 7)));

    public static string WriteProperties(IReadOnlyList<KeyValuePair<string, string>> properties) =>
        JsonSerializer.Serialize(properties.Select(p => new[] { p.Key, p.Value }).ToArray(), EgressJsonContext.Default.StringArrayArray);

    public static IReadOnlyList<KeyValuePair<string, string>> ReadProperties(string json) =>
        (JsonSerializer.Deserialize(json, EgressJsonContext.Default.StringArrayArray) ?? [])
            .Select(pair => new KeyValuePair<string, string>(pair[0], pair[1]))
            .ToArray();
}
