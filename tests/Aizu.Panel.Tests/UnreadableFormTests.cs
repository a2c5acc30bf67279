namespace Aizu.Panel.Tests;

/// <summary>Garbage form bodies to anti-forgery endpoints are the sender's fault: 400, and not a log line each.</summary>
public sealed class UnreadableFormTests
{
    [Fact]
    public async Task Twenty_garbage_forms_are_all_400_and_logged_once()
    {
        using var logs = new CountingLoggerProvider();
        await using var host = await PanelHost.StartAsync(signIn: false, services: s => s.AddSingleton<ILoggerProvider>(logs));

        // The session read creates the panel's keys, whose start-up warnings are not what is counted here.
        using (var session = await host.Client.GetAsync(new Uri("/api/session", UriKind.Relative)))
        {
            session.EnsureSuccessStatusCode();
        }

        var before = logs.WarningsOrWorse;
        for (var i = 0; i < 20; i++)
        {
            // Alternately a multipart form without its boundary and one cut off in the middle of a part.
            using var body = new ByteArrayContent(i % 2 == 0 ? [0x00, 0xFF, 0x10] : "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunfinished"u8.ToArray());
            body.Headers.ContentType = MediaTypeHeaderValue.Parse(i % 2 == 0 ? "multipart/form-data" : "multipart/form-data; boundary=x");
            using var response = await host.Client.PostAsync(new Uri("/api/session/logout", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(1, logs.WarningsOrWorse - before);
    }

    // Counts what the host logs at warning and above, from every category (Kestrel's and ASP.NET's too).
    private sealed class CountingLoggerProvider : ILoggerProvider, ILogger
    {
        private int _warnings;

        public int WarningsOrWorse => Volatile.Read(ref _warnings);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Interlocked.Increment(ref _warnings);
            }
        }

        public void Dispose()
        {
        }
    }
}
