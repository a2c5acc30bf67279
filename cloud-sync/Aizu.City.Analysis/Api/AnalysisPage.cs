namespace Aizu.City.Analysis;

/// <summary>The analyst page's files, embedded (<c>wwwroot/**</c>): no CDN, nothing fetched from elsewhere.</summary>
internal sealed class AnalysisPage
{
    private const string Prefix = "wwwroot/";

    public AnalysisPage()
    {
        var assembly = typeof(AnalysisPage).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Files["/" + name[Prefix.Length..]] = buffer.ToArray();
        }
    }

    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
