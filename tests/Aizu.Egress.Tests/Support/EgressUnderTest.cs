using System.Security.Cryptography;
using Aizu.Consent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aizu.Egress.Tests;

/// <summary>
/// The egress side as the gateway wires it (policy, sealed journal, outbox behind the integrity gate) on a
/// real SQLite file in a directory of its own, with the household calendar of Asia/Tokyo, fixed pseudonym
/// and outbox keys, and a ledger reported intact. Tests that need the ledger broken update <see cref="Integrity"/>.
/// </summary>
internal sealed class EgressUnderTest : IDisposable
{
    public EgressUnderTest(IConsentRegistry registry, TimeProvider time, string directoryPrefix)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        DatabasePath = Path.Combine(Directory, "gateway.db");
        var options = Options.Create(new EgressOptions { DatabasePath = DatabasePath, GatewayId = "gw-test-0001" });
        Database = new EgressDatabase(options, NullLogger<EgressDatabase>.Instance);
        var gate = new ConsentGate(registry);
        Policy = new EgressPolicy(gate, new HouseholdPseudonyms(new FixedSecretProvider(new byte[32])), Calendar,
            new ValueMinimiser(RandomNumberGenerator.Create()), time, RandomNumberGenerator.Create(), options);
        var seal = new OutboxSeal(new FixedSecretProvider([.. Enumerable.Range(1, 32).Select(i => (byte)i)]));
        Journal = new EgressJournal(Database, seal);
        Integrity.Update(new ConsentIntegrityReport(true, 0, null, null, time.GetUtcNow(), null));
        Outbox = new SqliteOutbox(Database, gate, seal, Integrity, time, NullLogger<SqliteOutbox>.Instance);
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
