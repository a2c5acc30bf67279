namespace Aizu.Egress.Tests;

/// <summary>
/// The egress side as the gateway wires it (policy, sealed journal, outbox behind the integrity gate) on a
/// real SQLite file in a directory of its own, with the household calendar of Asia/Tokyo, fixed pseudonym
/// and outbox keys, and a ledger reported intact. Tests that need the ledger broken update <see cref="Integrity"/>.
/// </summary>
internal sealed class EgressUnderTest : IDisposable
{
    public EgressUnderTest(IConsentRegistry registry, TimeProvider time, string directoryPrefix, int outboxMaxPending = 26_280)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        DatabasePath = Path.Combine(Directory, "gateway.db");
        var options = Options.Create(new EgressOptions { DatabasePath = DatabasePath, GatewayId = "gw-test-0001", OutboxMaxPending = outboxMaxPending });
        Database = new EgressDatabase(options, NullLogger<EgressDatabase>.Instance);
        var gate = new ConsentGate(registry);
        DataSets = new DataSets(registry, new HouseholdPseudonyms(new FixedSecretProvider(new byte[32])), Calendar);
        Policy = new EgressPolicy(gate, DataSets, Calendar,
            new ValueMinimiser(RandomNumberGenerator.Create()), time, RandomNumberGenerator.Create());
        var seal = new OutboxSeal(new FixedSecretProvider([.. Enumerable.Range(1, 32).Select(i => (byte)i)]));
        Budget = new OutboxBudget(options, Database, BudgetLog);
        Journal = new EgressJournal(Database, seal, Budget);
        Integrity.Update(new ConsentIntegrityReport(true, 0, null, null, time.GetUtcNow(), null));
        Outbox = new SqliteOutbox(Database, gate, seal, Integrity, time, NullLogger<SqliteOutbox>.Instance);
        Keeper = new ConsentStateKeeper(registry, Policy, Journal, DataSets, time, NullLogger<ConsentStateKeeper>.Instance);
    }

    public DataSets DataSets { get; }

    public OutboxBudget Budget { get; }

    /// <summary>What the outbox budget logged.</summary>
    public Aizu.Testing.CapturingLogger<OutboxBudget> BudgetLog { get; } = new();

    public ConsentStateKeeper Keeper { get; }

    /// <summary>
    /// Reconciles and delivers every consent state (and deletion request) now due, as the uplink would, so data
    /// of those data sets may go; returns what was delivered. Stops at the first data message, which stays pending.
    /// </summary>
    public async Task<IReadOnlyList<Aizu.Uplink.Messages.UplinkMessage>> PublishConsentStateAsync()
    {
        await Keeper.ReconcileAsync(CancellationToken.None);
        var delivered = new List<Aizu.Uplink.Messages.UplinkMessage>();
        foreach (var pending in await Outbox.ListPendingAsync(CancellationToken.None))
        {
            if (!pending.Topic.StartsWith(Aizu.Wire.WireTopics.ConsentPrefix, StringComparison.Ordinal))
            {
                break;
            }

            var next = await Outbox.GetNextDueAsync(CancellationToken.None);
            Assert.Equal(pending.MessageId, next?.MessageId);
            await Outbox.MarkDeliveredAsync(next!.MessageId, 0, CancellationToken.None);
            delivered.Add(next);
        }

        return delivered;
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public WindowCutter Calendar { get; } = new(new Aizu.Household.HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

    public EgressDatabase Database { get; }

    public EgressPolicy Policy { get; }

    public EgressJournal Journal { get; }

    public EgressIntegrity Integrity { get; } = new(NullLogger<EgressIntegrity>.Instance);

    public SqliteOutbox Outbox { get; }

    public void Dispose()
    {
        Database.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
