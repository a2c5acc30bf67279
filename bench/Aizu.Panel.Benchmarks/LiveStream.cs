namespace Aizu.Panel.Benchmarks;

/// <summary>A panel client on the live power stream (server-sent events), reading until cancelled.</summary>
internal static class LiveStream
{
    public static async Task ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[4096];
        while (await body.ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }
}
