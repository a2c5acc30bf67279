namespace Aizu.Uplink.Tests.Structure;

/// <summary>The uplink sends only what the egress policy made: it must not be able to reach the raw store.</summary>
public sealed class UplinkDependencyTests
{
    private static readonly string[] Forbidden = ["Aizu.Storage", "Aizu.Egress", "Aizu.Readings", "Aizu.Consent", "Aizu.Ingest"];

    [Fact]
    public void UplinkAssembly_TransitiveReferences_DoNotIncludeTheStoreOrTheEgressSide()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>([typeof(UplinkService).Assembly.GetName()]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name.Name!))
            {
                continue;
            }

            // Framework and package assemblies are leaves for this purpose; only our own can lead to the store.
            if (name.Name!.StartsWith("Aizu.", StringComparison.Ordinal))
            {
                foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
                {
                    pending.Push(reference);
                }
            }
        }

        Assert.Contains("Aizu.Uplink.Messages", seen);
        Assert.Contains("Aizu.Wire", seen);
        Assert.Contains("MQTTnet", seen);
        Assert.All(Forbidden, forbidden => Assert.DoesNotContain(forbidden, seen));
    }

    [Fact]
    public void UplinkProject_ReferencesOnlyTheMessagesAndWireContractProjectsAndTheOptionsLibrary()
    {
        // An unused project reference leaves no trace in the assembly, so the project file is checked too.
        // Aizu.Configuration (options binding and validation) references no project of ours, so it cannot lead to the store.
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "cloud-sync", "Aizu.Uplink", "Aizu.Uplink.csproj"));
        var references = project.Descendants("ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value)).ToList();
        Assert.Equal(["Aizu.Configuration", "Aizu.Uplink.Messages", "Aizu.Wire"], references.Order(StringComparer.Ordinal));

        var options = XDocument.Load(Path.Combine(RepositoryRoot(), "hardware", "Aizu.Configuration", "Aizu.Configuration.csproj"));
        Assert.Empty(options.Descendants("ProjectReference"));
    }

    [Fact]
    public void UplinkMessage_CanOnlyBeConstructedInternally()
    {
        var type = typeof(Aizu.Uplink.Messages.UplinkMessage);
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.DoesNotContain(type.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.ReturnType == type);
        var visibleTo = type.Assembly.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Order().ToList();
        Assert.Equal(["Aizu.Egress", "Aizu.Egress.Tests"], visibleTo);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
