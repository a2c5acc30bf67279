namespace Aizu.City.Tests.Structure;

public sealed class CityIngestStructureTests
{
    [Fact]
    public void CityIngest_ReferencesOnlyTheWireContractAndTheSigningModule()
    {
        // The city's receiving end shares the contract with gateways, never gateway code (docs/city.md).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(typeof(Aizu.City.Ingest.IngestProcessor).Assembly.GetReferencedAssemblies());
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

        Assert.Equal(["Aizu.Signing", "Aizu.Wire"], seen.Order(StringComparer.Ordinal));
    }
}
