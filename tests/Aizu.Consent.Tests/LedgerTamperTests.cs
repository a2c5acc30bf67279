namespace Aizu.Consent.Tests;

/// <summary>
/// Whoever holds the file can drop the append-only triggers and edit rows with plain SQL; the hash
/// chain must still show where. Each case edits a copy of one ledger.
/// </summary>
public sealed class LedgerTamperTests : ConsentHarnessTests, IAsyncLifetime
{
    private static readonly string[] Columns = ["seq", "time", "type", "consent_id", "version", "grant_json", "actor", "prev_hash", "hash"];
    private long eventCount;
    private string? scratch;
    private ConsentLedger? scratchLedger;

    public async Task InitializeAsync()
    {
        var request = await Harness.RequestPlanningAsync();
        Harness.Time.Advance(TimeSpan.FromHours(1));
        var daily = (await Harness.GrantPlanningAsync()).Grant;
        Harness.Time.Advance(TimeSpan.FromDays(2));
        await Harness.GrantPlanningAsync(Granularity.Month);
        Harness.Time.Advance(TimeSpan.FromDays(30));
        await Harness.Consents.RenewAsync(daily.ConsentId, null, CancellationToken.None);
        var research = (await Harness.Consents.GetGrantsAsync(CancellationToken.None)).Single(g => g.Purpose == SamplePurposes.ResearchId);
        await Harness.Consents.RefuseAsync(research.ConsentId, CancellationToken.None);
        await Harness.Consents.WithdrawAsync(request.ConsentId, CancellationToken.None);
        eventCount = await Harness.Ledger.GetHeadSeqAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Verify_UntouchedLedger_IsIntact()
    {
        var result = await Harness.Ledger.VerifyAsync(CancellationToken.None);

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(9, eventCount);
        Assert.Equal(eventCount, result.EventCount);
        Assert.Null(result.BrokenSeq);
        var events = await Harness.Ledger.ReadEventsAsync(0, CancellationToken.None);
        Assert.Equal(events[^1].Hash, result.HeadHash);
        Assert.Equal(new string('0', 64), events[0].PrevHash);
        Assert.All(events.Skip(1), (e, i) => Assert.Equal(events[i].Hash, e.PrevHash));
    }

    [Fact]
    public async Task ChangingAByte_InAnyColumnOfAnyEvent_IsDetectedAtThatEvent()
    {
        for (var seq = 1L; seq <= eventCount; seq++)
        {
            foreach (var column in Columns)
            {
                foreach (var position in new[] { 0, 17, int.MaxValue })
                {
                    var result = await VerifyTamperedCopyAsync(seq, column, position, shift: 1);

                    Assert.False(result.IsIntact, $"{column} of event {seq} at {position} went unnoticed");
                    Assert.Equal(seq, result.BrokenSeq);
                    Assert.Equal(seq - 1, result.EventCount);
                    Assert.False(string.IsNullOrEmpty(result.Problem));
                }
            }
        }

        Assert.True((await scratchLedger!.VerifyAsync(CancellationToken.None)).IsIntact, "the scratch copy was not restored");
    }

    [Fact]
    public async Task ChangingAByte_AnywhereAtRandom_IsDetectedAtThatEvent()
    {
        // One at a time: the cases share a scratch copy of the file.
        await Gen.Select(Gen.Long[1, eventCount], Gen.Int[0, Columns.Length - 1], Gen.Int[0, 100_000], Gen.Int[1, 93])
            .SampleAsync(async (seq, column, position, shift) =>
            {
                var result = await VerifyTamperedCopyAsync(seq, Columns[column], position, shift);
                Assert.Equal(seq, result.BrokenSeq);
            }, iter: 300, threads: 1);
    }

    [Theory]
    // Removing an event: the verifier names the missing one.
    [InlineData("DELETE FROM consent_event WHERE seq = 4;", 4, "event 4 is missing")]
    // Changing a column's storage type: the same bytes as a BLOB read back as the same string, so only the type tells.
    [InlineData("UPDATE consent_event SET grant_json = CAST(grant_json AS BLOB) WHERE seq = 2;", 2, "column grant_json holds a blob")]
    public async Task EditingTheFileWithPlainSql_IsDetectedAtTheEditedEvent(string edit, long brokenSeq, string problem)
    {
        var copy = CopyLedger();
        Execute(copy, edit);

        var result = await VerifyAsync(copy);

        Assert.Equal(brokenSeq, result.BrokenSeq);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewritingAnEventWithAFreshHash_BreaksTheNextLink()
    {
        var copy = CopyLedger();
        var (grantJson, hash) = ReadEvent(copy, 4);
        var edited = grantJson.Replace("\"P1D\"", "\"P1M\"", StringComparison.Ordinal);
        var events = await Harness.Ledger.ReadEventsAsync(3, CancellationToken.None);
        var fourth = events[0];
        var rehashed = LedgerHash.Compute(4, LedgerText.FormatTime(fourth.Time), "given", fourth.ConsentId, fourth.Version, edited, "household", fourth.PrevHash);
        Assert.NotEqual(hash, rehashed);
        Execute(copy, "UPDATE consent_event SET grant_json = $a, hash = $b WHERE seq = 4;", ("$a", edited), ("$b", rehashed));

        var result = await VerifyAsync(copy);

        Assert.Equal(5, result.BrokenSeq);
        Assert.Contains("prev_hash does not match the hash of event 4", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendingAForgedEvent_IsDetected()
    {
        var copy = CopyLedger();
        var (grantJson, _) = ReadEvent(copy, 4);
        Execute(copy, $"INSERT INTO consent_event VALUES ({eventCount + 1}, '2026-04-01T00:00:00.0000000Z', 'given', 'x', 9, $g, 'household', $p, $h);",
            ("$g", grantJson), ("$p", new string('1', 64)), ("$h", new string('2', 64)));

        var result = await VerifyAsync(copy);

        Assert.Equal(eventCount + 1, result.BrokenSeq);
    }

    [Fact]
    public void OrdinarySql_CannotChangeOrRemoveEvents()
    {
        var copy = CopyLedger(keepTriggers: true);

        Assert.Throws<SqliteException>(() => Execute(copy, "UPDATE consent_event SET actor = 'city' WHERE seq = 4;"));
        Assert.Throws<SqliteException>(() => Execute(copy, "DELETE FROM consent_event WHERE seq = 4;"));
        Assert.Throws<SqliteException>(() => Execute(copy, "DELETE FROM consent_receipt;"));
    }

    /// <summary>
    /// Changes one byte of one column of one event in a scratch copy, verifies, and puts the byte back,
    /// so hundreds of cases share one copy (and one verifier) instead of copying the file each time.
    /// </summary>
    private async Task<LedgerVerification> VerifyTamperedCopyAsync(long seq, string column, int position, int shift)
    {
        scratch ??= CopyLedger();
        scratchLedger ??= new ConsentLedger(Options.Create(new ConsentOptions { DatabasePath = scratch }), NullLogger<ConsentLedger>.Instance);
        using var connection = Open(scratch);
        Execute(connection, "PRAGMA synchronous = OFF;");
        string change, undo;
        object? original = null, changed = null;
        switch (column)
        {
            case "seq":
                // +65536 changes the third byte of a small integer, away from every other event.
                change = "UPDATE consent_event SET seq = seq + 65536 WHERE seq = $seq;";
                undo = "UPDATE consent_event SET seq = seq - 65536 WHERE seq = $seq + 65536;";
                break;
            case "version":
                change = "UPDATE consent_event SET version = version + 256 WHERE seq = $seq;";
                undo = "UPDATE consent_event SET version = version - 256 WHERE seq = $seq;";
                break;
            default:
                using (var read = connection.CreateCommand())
                {
                    read.CommandText = $"SELECT {column} FROM consent_event WHERE seq = $seq;";
                    read.Parameters.AddWithValue("$seq", seq);
                    var text = (string)read.ExecuteScalar()!;
                    original = text;
                    changed = ChangeOneCharacter(text, Math.Min(position, text.Length - 1), shift);
                }

                change = $"UPDATE consent_event SET {column} = $value WHERE seq = $seq;";
                undo = change;
                break;
        }

        Assert.Equal(1, Execute(connection, change, ("$seq", seq), ("$value", changed)));
        try
        {
            return await scratchLedger.VerifyAsync(CancellationToken.None);
        }
        finally
        {
            Assert.Equal(1, Execute(connection, undo, ("$seq", seq), ("$value", original)));
        }
    }

    /// <summary>Replaces one printable ASCII character with a different one (so one byte of the UTF-8 changes).</summary>
    private static string ChangeOneCharacter(string text, int index, int shift)
    {
        var original = text[index];
        Assert.InRange(original, '!', '~');
        var replaced = (char)('!' + ((original - '!' + shift) % 94));
        Assert.NotEqual(original, replaced);
        return string.Concat(text.AsSpan(0, index), replaced.ToString(), text.AsSpan(index + 1));
    }

    private string CopyLedger(bool keepTriggers = false)
    {
        var copy = Harness.Directory.File($"copy-{Guid.NewGuid():N}.db");
        using (var source = Open(Harness.DatabasePath))
        using (var target = Open(copy))
        {
            source.BackupDatabase(target);
        }

        if (!keepTriggers)
        {
            // What anyone with the file can do.
            Execute(copy, "DROP TRIGGER consent_event_no_update; DROP TRIGGER consent_event_no_delete;");
        }

        return copy;
    }

    private static Task<LedgerVerification> VerifyAsync(string path) =>
        new ConsentLedger(Options.Create(new ConsentOptions { DatabasePath = path }), NullLogger<ConsentLedger>.Instance)
            .VerifyAsync(CancellationToken.None);

    private static (string GrantJson, string Hash) ReadEvent(string path, long seq)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT grant_json, hash FROM consent_event WHERE seq = $seq;";
        command.Parameters.AddWithValue("$seq", seq);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetString(1));
    }

    private static void Execute(string path, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open(path);
        Execute(connection, sql, parameters);
    }

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(p => sql.Contains(p.Name, StringComparison.Ordinal)))
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path)
    {
        // Foreign keys off, as anyone editing the file would have them (the receipts reference events).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = false }.ToString());
        connection.Open();
        return connection;
    }
}
