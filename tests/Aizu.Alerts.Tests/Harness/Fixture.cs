namespace Aizu.Alerts.Tests;

/// <summary>Test data copied next to the test assembly: the CAP corpus (OASIS examples among it) and the repository's example alerts.</summary>
internal static class Fixture
{
    public static byte[] Oasis(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", "cap", "oasis", name));

    public static byte[] Example(string name) => File.ReadAllBytes(ExamplePath(name));

    public static string ExamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Examples", name);
}
