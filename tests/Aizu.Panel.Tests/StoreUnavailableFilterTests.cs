namespace Aizu.Panel.Tests;

public sealed class StoreUnavailableFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    private static DefaultEndpointFilterInvocationContext Context()
    {
        var services = new ServiceCollection().AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        return new DefaultEndpointFilterInvocationContext(new DefaultHttpContext { RequestServices = services });
    }

    public static TheoryData<Exception> StoreProblems() => new()
    {
        new StoreUnavailableException("The disk holding /var/lib/aizu/aizu.db is full."),
        new Microsoft.Data.Sqlite.SqliteException("disk I/O error", 10),
        new IOException("read error"),
        new UnauthorizedAccessException("permission denied"),
    };

    [Theory]
    [MemberData(nameof(StoreProblems))]
    public async Task A_store_problem_becomes_503_with_the_stores_own_reason(Exception problem)
    {
        var context = Context();
        context.HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"aizu.csv\"";

        var result = await StoreUnavailableFilter.ConsentRecords.InvokeAsync(context, _ => throw problem);

        var answer = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.StatusCode);
        Assert.Equal("Consent records unavailable", answer.ProblemDetails.Title);
        Assert.Equal(problem.Message, answer.ProblemDetails.Detail);
        Assert.False(context.HttpContext.Response.Headers.ContainsKey("Content-Disposition"));
    }

    [Fact]
    public async Task Each_kind_of_record_names_itself()
    {
        var problem = new IOException("gone");
        var titles = new List<string?>();
        foreach (var filter in new[] { StoreUnavailableFilter.Readings, StoreUnavailableFilter.ConsentRecords, StoreUnavailableFilter.EgressLog })
        {
            var result = await filter.InvokeAsync(Context(), _ => throw problem);
            titles.Add(Assert.IsType<ProblemHttpResult>(result).ProblemDetails.Title);
        }

        Assert.Equal(["Storage unavailable", "Consent records unavailable", "Egress log unavailable"], titles);
    }

    [Fact]
    public async Task Other_failures_and_answers_pass_through()
    {
        var answer = TypedResults.Ok(42);
        Assert.Same(answer, await StoreUnavailableFilter.Readings.InvokeAsync(Context(), _ => ValueTask.FromResult<object?>(answer)));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await StoreUnavailableFilter.Readings.InvokeAsync(Context(), _ => throw new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task Every_readings_screen_answers_503_when_the_data_folder_is_broken()
    {
        using var broken = new BrokenDataFolder();
        await using var host = await broken.StartKioskAsync(Now);

        foreach (var path in new[] { "/api/live/recent", "/api/today", "/api/history?span=day", "/api/climate", "/api/today/cost" })
        {
            using var response = await host.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path} answered {(int)response.StatusCode}");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Storage unavailable", problem.RootElement.GetProperty("title").GetString());
            Assert.Contains(broken.Blocker, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
