using System.Text.Json;
using Aizu.Uplink.Messages;
using Microsoft.Data.Sqlite;

namespace Aizu.Egress;

/// <summary>SQL for outbox rows, shared by the outbox and the writers that enqueue in their own transaction.</summary>
internal static class OutboxRows
{
    public const string MessageColumns = "msg_id, topic, payload, content_type, user_properties, consent_ref, retain, created_ms";

    /// <summary>Adds <paramref name="message"/> as pending, inside <paramref name="transaction"/>.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, UplinkMessage message, MessageKind kind, ConsentTerms? terms)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO egress_outbox(msg_id, kind, topic, payload, content_type, user_properties, retain,
                consent_ref, consent_id, consent_version, category, granularity, purpose, recipient,
                created_ms, state, attempts, next_attempt_ms)
            VALUES ($id, $kind, $topic, $payload, $type, $props, $retain,
                $ref, $cid, $cver, $cat, $gran, $purpose, $recipient,
                $created, 0, 0, $created);
            """;
        command.Parameters.AddWithValue("$id", message.MessageId);
        command.Parameters.AddWithValue("$kind", (int)kind);
        command.Parameters.AddWithValue("$topic", message.Topic);
        command.Parameters.AddWithValue("$payload", message.Payload.ToArray());
        command.Parameters.AddWithValue("$type", message.ContentType);
        command.Parameters.AddWithValue("$props", WriteProperties(message.UserProperties));
        command.Parameters.AddWithValue("$retain", message.Retain ? 1 : 0);
        command.Parameters.AddWithValue("$ref", (object?)message.ConsentReference ?? DBNull.Value);
        command.Parameters.AddWithValue("$cid", (object?)terms?.ConsentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$cver", (object?)terms?.Version ?? DBNull.Value);
        command.Parameters.AddWithValue("$cat", (object?)terms?.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("$gran", (object?)terms?.Granularity ?? DBNull.Value);
        command.Parameters.AddWithValue("$purpose", (object?)terms?.Purpose ?? DBNull.Value);
        command.Parameters.AddWithValue("$recipient", (object?)terms?.Recipient ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", message.CreatedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

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
