namespace Aizu.Alerts.Tests;

public sealed class CityCliStructureTests
{
    [Fact]
    public void AizuCity_ReferencesOnlyCityCodeTheWireContractAndTheSigningModule()
    {
        // The city side shares the contract and the verifier's rules with gateways, never gateway code;
        // the ingest and the analyst side it hosts are city code held to the same rule (tests/Aizu.City.Tests checks
        // the ingest alone).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(typeof(Aizu.City.Cli.CitySigning).Assembly.GetReferencedAssemblies());
        while (pending.TryPop(out var name))
        {
            if (name.Name!.StartsWith("Aizu.", StringComparison.Ordinal) && seen.Add(name.Name))
            {
                foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
                {
                    pending.Push(reference);
                }
            }
        }

        Assert.Equal(["Aizu.City.Analysis", "Aizu.City.Ingest", "Aizu.City.Statistics", "Aizu.Signing", "Aizu.Wire"], seen.Order(StringComparer.Ordinal));
    }
}
