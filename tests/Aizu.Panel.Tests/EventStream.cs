namespace Aizu.Panel.Tests;

/// <summary>A client of <c>/api/live</c> that reads events one at a time with a timeout.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly IAsyncEnumerator<SseItem<string>> events;
    private readonly CancellationTokenSource lifetime = new(TimeSpan.FromSeconds(30));

    private EventStream(HttpResponseMessage response, Stream body)
    {
        this.response = response;
        events = SseParser.Create(body, (_, data) => Encoding.UTF8.GetString(data)).EnumerateAsync(lifetime.Token).GetAsyncEnumerator(lifetime.Token);
    }

    public HttpResponseMessage Response => response;

    public static async Task<EventStream> OpenAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/live");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    public async Task<(SseItem<string> Item, JsonElement Data)> NextAsync()
    {
        var moved = await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(moved, "the event stream ended");
        using var document = JsonDocument.Parse(events.Current.Data);
        return (events.Current, document.RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        try
        {
            await events.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
        }

        response.Dispose();
        lifetime.Dispose();
    }
}
