using Microsoft.Net.Http.Headers;

namespace Aizu.Panel;

/// <summary>
/// The page's files, embedded in the assembly (<c>wwwroot/**</c>) so the gateway is one deployable
/// that works on a LAN without internet. Loaded once; a handful of small files.
/// </summary>
internal sealed class PanelAssets
{
    // The project gives each embedded file its path under wwwroot as its name (LogicalName), so folders survive.
    private const string Prefix = "wwwroot/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
    };

    public PanelAssets()
    {
        var assembly = typeof(PanelAssets).Assembly;
        All = [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Load(assembly, name))];
    }

    public IReadOnlyList<PanelAsset> All { get; }

    private static PanelAsset Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();

        var fileName = resourceName[Prefix.Length..];
        var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");
        var hash = Convert.ToHexString(SHA256.HashData(content).AsSpan(0, 8));
        return new PanelAsset("/" + fileName, contentType, content, new EntityTagHeaderValue($"\"{hash}\""));
    }
}
