namespace Aizu.Panel.Benchmarks;

/// <summary>
/// What a browser transfers on the first visit: the page, then every stylesheet, script and module it
/// references, followed transitively, each fetched once.
/// </summary>
internal static partial class PageWeight
{
    public static async Task<IReadOnlyList<(string Path, long Bytes)>> MeasureAsync(HttpClient http)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<(string, long)>();
        var queue = new Queue<Uri>([new Uri(http.BaseAddress!, "/")]);
        while (queue.Count > 0)
        {
            var uri = queue.Dequeue();
            if (!seen.Add(uri.AbsolutePath))
            {
                continue;
            }

            using var response = await http.GetAsync(uri);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsByteArrayAsync();
            files.Add((uri.AbsolutePath, body.Length + HeaderBytes(response)));
            var text = System.Text.Encoding.UTF8.GetString(body);
            var references = uri.AbsolutePath.EndsWith(".js", StringComparison.Ordinal)
                ? ModuleImport().Matches(text).Select(m => m.Groups[1].Value)
                : HtmlReference().Matches(text).Select(m => m.Groups[1].Value);
            foreach (var reference in references)
            {
                queue.Enqueue(new Uri(uri, reference));
            }
        }

        return files;
    }

    // The status line and headers count towards what crosses the network too.
    private static long HeaderBytes(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).Sum(h => h.Key.Length + 4 + h.Value.Sum(v => v.Length)) + 17;

    [GeneratedRegex("""(?:src|href)="([^"#:]+\.(?:js|css))""")]
    private static partial Regex HtmlReference();

    [GeneratedRegex("""(?:import|from)\s*['"](\.{1,2}/[^'"]+\.js)['"]""")]
    private static partial Regex ModuleImport();
}
