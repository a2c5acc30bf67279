namespace Aizu.City.Ingest;

/// <summary>
/// The consent registry, built from the gateways' consent states: which grant was listed when, kept in
/// PostgreSQL with its history and mirrored in memory for the per-message check. Every instance receives
/// every consent message (a plain, not shared, subscription), so each mirror follows the states itself;
/// the table is the history and the start-up copy.
/// </summary>
/// <remarks>
/// A grant is checked against the data set the message names: the scope of the consent state that listed it
/// (<c>aizu/v1/consent/{purpose}/{pseudonym}</c>) must equal the message's data set, and a reference listed for
/// another data set is unknown to this one. One-level scopes (<c>aizu/v1/consent/{gw}</c>, before the
/// per-data-set wire) are refused before they get here.
/// </remarks>
public sealed class ConsentRegistry(IngestDatabase database, IOptions<IngestOptions> options)
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, Dictionary<string, RegisteredGrant>> byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> referencesByScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> appliedByScope = new(StringComparer.Ordinal);
    private readonly string recipient = options.Value.Recipient;
    private readonly IsoDuration defaultRetention = IsoDuration.TryParse(options.Value.DefaultRetention, out var parsed) ? parsed : new IsoDuration(24, 0, TimeSpan.Zero);

    /// <summary>Loads every registered grant (start-up).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var grants = await ReadAsync("", cancellationToken);
        var applied = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
        await using (var command = new NpgsqlCommand("SELECT scope, last_state_at FROM consent_scope", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetString(0)] = Utc(reader.GetDateTime(1));
            }
        }

        lock (sync)
        {
            byReference.Clear();
            referencesByScope.Clear();
            appliedByScope.Clear();
            foreach (var (scope, at) in applied)
            {
                appliedByScope[scope] = at;
            }

            foreach (var scope in grants.GroupBy(g => g.Scope))
            {
                Replace(scope.Key, [.. scope]);
            }
        }
    }

    /// <summary>
    /// Records <paramref name="state"/> published under <paramref name="scope"/>: listed grants are
    /// registered, grants the scope listed before and no longer lists end at the state's time. A state
    /// no newer than one already applied for the scope changes nothing (false).
    /// </summary>
    public async Task<bool> ApplyAsync(string scope, ConsentStateMessage state, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        // The wire carries days (UTC) only. A state of day D says what was listed on D; a grant it no longer
        // lists may have ended any time on D, so windows up to the end of D are not refused for it (a deletion
        // request still removes them). Validity is widened to whole days the same way.
        var stateDay = StartOf(state.At);
        var listed = state.Grants.Select(g => g.Consent).ToHashSet(StringComparer.Ordinal);
        lock (sync)
        {
            // Every (re)subscription delivers every retained state again: one already applied costs no round trip.
            if (appliedByScope.TryGetValue(scope, out var applied)
                && (applied > stateDay || (applied == stateDay && listed.SetEquals(ActiveReferences(scope)))))
            {
                return false;
            }
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claim = new NpgsqlCommand("INSERT INTO consent_scope (scope, last_state_at, received_at) VALUES ($1, $2, $3) ON CONFLICT (scope) DO NOTHING", connection, transaction))
        {
            claim.Parameters.Add(new() { Value = scope });
            claim.Parameters.Add(new() { Value = DateTimeOffset.MinValue.UtcDateTime.AddYears(1) });
            claim.Parameters.Add(new() { Value = receivedAt.UtcDateTime });
            await claim.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var current = new NpgsqlCommand("SELECT last_state_at FROM consent_scope WHERE scope = $1 FOR UPDATE", connection, transaction))
        {
            current.Parameters.Add(new() { Value = scope });
            var last = (DateTime)(await current.ExecuteScalarAsync(cancellationToken))!;
            if (stateDay.UtcDateTime < last)
            {
                return false;
            }
        }

        await using (var seen = new NpgsqlCommand("UPDATE consent_scope SET last_state_at = $2, received_at = $3 WHERE scope = $1", connection, transaction))
        {
            seen.Parameters.Add(new() { Value = scope });
            seen.Parameters.Add(new() { Value = stateDay.UtcDateTime });
            seen.Parameters.Add(new() { Value = receivedAt.UtcDateTime });
            await seen.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var grant in state.Grants)
        {
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO consent_grant (scope, consent_ref, purpose, category, granularity, recipient, valid_from, expires_at, retention, listed_from, ended_at, district)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11)
                ON CONFLICT (scope, consent_ref) DO UPDATE SET
                    purpose = excluded.purpose, category = excluded.category, granularity = excluded.granularity,
                    recipient = excluded.recipient, valid_from = excluded.valid_from, expires_at = excluded.expires_at,
                    retention = excluded.retention, ended_at = NULL, district = excluded.district
                """, connection, transaction);
            upsert.Parameters.Add(new() { Value = scope });
            upsert.Parameters.Add(new() { Value = grant.Consent });
            upsert.Parameters.Add(new() { Value = grant.Purpose });
            upsert.Parameters.Add(new() { Value = grant.Category });
            upsert.Parameters.Add(new() { Value = grant.Granularity });
            upsert.Parameters.Add(new() { Value = grant.Recipient });
            upsert.Parameters.Add(new() { Value = StartOf(grant.ValidFrom).UtcDateTime });
            upsert.Parameters.Add(new() { Value = StartOf(grant.ExpiresAt).AddDays(1).UtcDateTime });
            upsert.Parameters.Add(new() { Value = grant.Retention });
            upsert.Parameters.Add(new() { Value = stateDay.UtcDateTime });
            upsert.Parameters.Add(new() { Value = (object?)grant.District ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var end = new NpgsqlCommand("UPDATE consent_grant SET ended_at = $2 WHERE scope = $1 AND ended_at IS NULL AND NOT (consent_ref = ANY($3))", connection, transaction))
        {
            end.Parameters.Add(new() { Value = scope });
            end.Parameters.Add(new() { Value = stateDay.AddDays(1).UtcDateTime });
            end.Parameters.Add(new() { Value = state.Grants.Select(g => g.Consent).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await end.ExecuteNonQueryAsync(cancellationToken);
        }

        var grants = await ReadAsync(scope, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        lock (sync)
        {
            Replace(scope, grants);
            appliedByScope[scope] = stateDay;
        }

        return true;
    }

    /// <summary>Reads <paramref name="consent"/>'s grants from the table again (before refusing a reference the mirror does not know).</summary>
    public async Task RefreshAsync(string consent, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT DISTINCT scope FROM consent_grant WHERE consent_ref = $1", connection);
        command.Parameters.Add(new() { Value = consent });
        var scopes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                scopes.Add(reader.GetString(0));
            }
        }

        foreach (var scope in scopes)
        {
            var grants = await ReadAsync(scope, connection, null, cancellationToken);
            lock (sync)
            {
                Replace(scope, grants);
            }
        }
    }

    /// <summary>Whether <paramref name="window"/> was released under a grant that allowed exactly it at its time.</summary>
    public ConsentVerdict Check(EnergyWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        RegisteredGrant? grant;
        lock (sync)
        {
            // Only the grant listed by the message's own data set: a reference never finds another data set's grant.
            grant = byReference.TryGetValue(window.Consent, out var scopes) ? scopes.GetValueOrDefault(window.DataSet.Scope) : null;
        }

        if (grant is null)
        {
            return new ConsentVerdict(null, IsUnknown: true, default);
        }

        var problem = grant switch
        {
            _ when grant.Purpose != window.DataSet.Purpose => new Rejection(RejectionReasons.WrongPurpose, $"{grant.Consent} is for {grant.Purpose}, not {window.DataSet.Purpose}"),
            _ when grant.Category != window.Category => new Rejection(RejectionReasons.WrongCategory, $"{grant.Consent} is for {grant.Category}, not {window.Category}"),
            _ when grant.Granularity != window.Aggregation => new Rejection(RejectionReasons.WrongGranularity, $"{grant.Consent} is for {grant.Granularity} windows, not {window.Aggregation}"),
            _ when grant.Recipient != recipient => new Rejection(RejectionReasons.WrongRecipient, $"{grant.Consent} is for {grant.Recipient}, not {recipient}"),
            _ when window.Start < grant.ValidFrom => new Rejection(RejectionReasons.NotYetValidConsent, $"{grant.Consent} is valid from {grant.ValidFrom:O}; the window starts {window.Start:O}"),
            _ when window.End > grant.ExpiresAt => new Rejection(RejectionReasons.ExpiredConsent, $"{grant.Consent} expired {grant.ExpiresAt:O}; the window ends {window.End:O}"),
            _ when grant.EndedAt is { } ended && window.End > ended => new Rejection(RejectionReasons.WithdrawnConsent, $"{grant.Consent} ended {ended:O}; the window ends {window.End:O}"),
            _ => null,
        };
        if (problem is not null)
        {
            return new ConsentVerdict(problem, IsUnknown: false, default);
        }

        var retention = IsoDuration.TryParse(grant.Retention, out var agreed) && !agreed.IsZero ? agreed : defaultRetention;
        return new ConsentVerdict(null, IsUnknown: false, retention.After(window.End)) { District = grant.District };
    }

    /// <summary>Every grant of <paramref name="scope"/> (all when empty), for operators and tests.</summary>
    public async Task<IReadOnlyList<RegisteredGrant>> ReadAsync(string scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(scope, connection, null, cancellationToken);
    }

    private static async Task<List<RegisteredGrant>> ReadAsync(string scope, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT scope, consent_ref, purpose, category, granularity, recipient, valid_from, expires_at, retention, listed_from, ended_at, district FROM consent_grant WHERE $1 = '' OR scope = $1",
            connection, transaction);
        command.Parameters.Add(new() { Value = scope });
        var grants = new List<RegisteredGrant>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            grants.Add(new RegisteredGrant(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Utc(reader.GetDateTime(6)), Utc(reader.GetDateTime(7)), reader.GetString(8), Utc(reader.GetDateTime(9)),
                reader.IsDBNull(10) ? null : Utc(reader.GetDateTime(10)))
            {
                District = reader.IsDBNull(11) ? null : reader.GetString(11),
            });
        }

        return grants;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>00:00 UTC of <paramref name="day"/>.</summary>
    internal static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    private IEnumerable<string> ActiveReferences(string scope) =>
        referencesByScope.TryGetValue(scope, out var references)
            ? references.Where(r => byReference[r].TryGetValue(scope, out var grant) && grant.EndedAt is null)
            : [];

    private void Replace(string scope, List<RegisteredGrant> grants)
    {
        if (referencesByScope.Remove(scope, out var old))
        {
            foreach (var reference in old)
            {
                if (byReference.TryGetValue(reference, out var scopes))
                {
                    scopes.Remove(scope);
                    if (scopes.Count == 0)
                    {
                        byReference.Remove(reference);
                    }
                }
            }
        }

        var references = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grant in grants)
        {
            references.Add(grant.Consent);
            if (!byReference.TryGetValue(grant.Consent, out var scopes))
            {
                byReference[grant.Consent] = scopes = new Dictionary<string, RegisteredGrant>(StringComparer.Ordinal);
            }

            scopes[scope] = grant;
        }

        referencesByScope[scope] = references;
    }
}
