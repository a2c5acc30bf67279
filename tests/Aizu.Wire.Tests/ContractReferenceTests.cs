namespace Aizu.Wire.Tests;

public sealed class ContractReferenceTests
{
    [Fact]
    public void TheContract_ReferencesNoAizuAssembly()
    {
        // The city side builds on this assembly alone: it must not pull in anything of the gateway.
        var references = typeof(WireTopics).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(references, name => name!.StartsWith("Aizu.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name!.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
    }
}
