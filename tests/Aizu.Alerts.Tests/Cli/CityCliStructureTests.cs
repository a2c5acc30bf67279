using System.Reflection;

namespace Aizu.Alerts.Tests;

public sealed class CityCliStructureTests
{
    [Fact]
    public void AizuCity_ReferencesOnlyTheCityIngestTheWireContractAndTheSigningModule()
    {
        // The city side shares the contract and the verifier's rules with gateways, never gateway code;
        // the ingest it hosts is city code held to the same rule (tests/Aizu.City.Tests checks it alone).
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

        Assert.Equal(["Aizu.City.Ingest", "Aizu.Signing", "Aizu.Wire"], seen.Order(StringComparer.Ordinal));
    }
}
