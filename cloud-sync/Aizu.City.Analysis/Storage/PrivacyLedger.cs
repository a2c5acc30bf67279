namespace Aizu.City.Analysis;

/// <summary>The ε spent per purpose and series (<c>privacy_spend</c>), checked and charged under a transaction lock
/// so that two requests at once cannot both spend the last of a budget.</summary>
public sealed class PrivacyLedger(AnalysisDatabase database, TimeProvider time)
{
    /// <summary>The budget of a series as it stands.</summary>
    public async Task<PrivacyBudget> BudgetAsync(string purpose, string series, decimal total, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return new PrivacyBudget(total, await SpentAsync(connection, null, purpose, series, cancellationToken));
    }

    /// <summary>Charges <paramref name="epsilon"/> when the budget allows; returns the budget after, and the refusal if not charged.</summary>
    public async Task<(PrivacyBudget Budget, string? Refusal)> SpendAsync(string purpose, string series, decimal total, decimal epsilon, long analystId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var wait = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1))", connection, transaction))
        {
            wait.Parameters.Add(new() { Value = $"privacy/{purpose}/{series}" });
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        var budget = new PrivacyBudget(total, await SpentAsync(connection, transaction, purpose, series, cancellationToken));
        if (budget.Refusal(epsilon) is { } refusal)
        {
            return (budget, refusal);
        }

        await using (var spend = new NpgsqlCommand("INSERT INTO privacy_spend (purpose, series, epsilon, analyst_id, at) VALUES ($1, $2, $3, $4, $5)", connection, transaction))
        {
            spend.Parameters.Add(new() { Value = purpose });
            spend.Parameters.Add(new() { Value = series });
            spend.Parameters.Add(new() { Value = epsilon });
            spend.Parameters.Add(new() { Value = analystId });
            spend.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await spend.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (budget with { Spent = budget.Spent + epsilon }, null);
    }

    private static async Task<decimal> SpentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string purpose, string series, CancellationToken cancellationToken)
    {
        await using var sum = new NpgsqlCommand("SELECT coalesce(sum(epsilon), 0) FROM privacy_spend WHERE purpose = $1 AND series = $2", connection, transaction);
        sum.Parameters.Add(new() { Value = purpose });
        sum.Parameters.Add(new() { Value = series });
        return (decimal)(await sum.ExecuteScalarAsync(cancellationToken))!;
    }
}
