namespace Aizu.City.Analysis;

/// <summary>Registered analysts: added with their purposes (the token shown once), found by token hash.</summary>
public sealed class AnalystDirectory(AnalysisDatabase database, TimeProvider time)
{
    /// <summary>Registers <paramref name="name"/> for <paramref name="purposes"/> and returns the token (not stored).</summary>
    public async Task<string> AddAsync(string name, IReadOnlyCollection<string> purposes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(purposes);
        var token = AnalystTokens.Create();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        await using (var insert = new NpgsqlCommand("INSERT INTO analyst (name, token_sha256, created_at) VALUES ($1, $2, $3) RETURNING analyst_id", connection, transaction))
        {
            insert.Parameters.Add(new() { Value = name });
            insert.Parameters.Add(new() { Value = AnalystTokens.Hash(token) });
            insert.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        await using (var grant = new NpgsqlCommand("INSERT INTO analyst_purpose (analyst_id, purpose) SELECT $1, unnest($2::text[])", connection, transaction))
        {
            grant.Parameters.Add(new() { Value = id });
            grant.Parameters.Add(new() { Value = purposes.Distinct(StringComparer.Ordinal).ToArray() });
            await grant.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>The analyst holding <paramref name="token"/>, or null.</summary>
    public async Task<Analyst?> FindAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT a.analyst_id, a.name, coalesce(array_agg(p.purpose) FILTER (WHERE p.purpose IS NOT NULL), '{}')
            FROM analyst a LEFT JOIN analyst_purpose p USING (analyst_id) WHERE a.token_sha256 = $1 GROUP BY a.analyst_id, a.name
            """, connection);
        command.Parameters.Add(new() { Value = AnalystTokens.Hash(token) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Analyst(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<string[]>(2).ToHashSet(StringComparer.Ordinal))
            : null;
    }
}
