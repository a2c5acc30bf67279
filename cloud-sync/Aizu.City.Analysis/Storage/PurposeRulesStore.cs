namespace Aizu.City.Analysis;

/// <summary>The release rules per purpose (table <c>analysis_purpose</c>; the analyst preset where none is set).</summary>
public sealed class PurposeRulesStore(AnalysisDatabase database, IOptions<AnalysisOptions> options)
{
    /// <summary>The rules of <paramref name="purpose"/>.</summary>
    public async Task<PurposeRules> GetAsync(string purpose, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT min_households, max_share, epsilon_budget, clip_wh FROM analysis_purpose WHERE purpose = $1", connection);
        command.Parameters.Add(new() { Value = purpose });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PurposeRules(purpose, new ReleaseRules(reader.GetInt32(0), reader.GetDecimal(1)), reader.GetDecimal(2), reader.GetInt64(3))
            : new PurposeRules(purpose, ReleaseRules.Analyst, options.Value.EpsilonBudget, options.Value.ClipWh);
    }

    /// <summary>Sets the rules of a purpose.</summary>
    public async Task SetAsync(PurposeRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO analysis_purpose (purpose, min_households, max_share, epsilon_budget, clip_wh) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (purpose) DO UPDATE SET min_households = $2, max_share = $3, epsilon_budget = $4, clip_wh = $5
            """, connection);
        command.Parameters.Add(new() { Value = rules.Purpose });
        command.Parameters.Add(new() { Value = rules.Rules.MinHouseholds });
        command.Parameters.Add(new() { Value = rules.Rules.MaxShare });
        command.Parameters.Add(new() { Value = rules.EpsilonBudget });
        command.Parameters.Add(new() { Value = rules.ClipWh });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
