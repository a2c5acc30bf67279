namespace Aizu.Testing;

/// <summary>The <c>manifest.json</c> beside a corpus of real inputs copied to the test output: one entry per file, with
/// its source, licence note and the values the source states.</summary>
public static class CorpusManifest
{
    /// <summary>The entries of <c>{folder}/manifest.json</c> in the test's output folder.</summary>
    public static IReadOnlyList<JsonElement> Load(string folder = "Corpus")
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, "manifest.json")));
        return [.. json.RootElement.GetProperty("files").EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The entry of <paramref name="file"/>.</summary>
    public static JsonElement Entry(IEnumerable<JsonElement> entries, string file) =>
        entries.Single(e => e.GetProperty("file").GetString() == file);
}
