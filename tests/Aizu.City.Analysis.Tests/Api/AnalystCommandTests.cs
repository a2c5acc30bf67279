namespace Aizu.City.Analysis.Tests;

/// <summary><c>aizu-city analyst add</c> and <c>rules</c> against the shared PostgreSQL.</summary>
[Collection(AnalysisCollection.Name)]
public sealed class AnalystCommandTests(AnalysisServer server)
{
    [Fact]
    public async Task Add_PrintsATokenOnce_ThatTheHostAccepts_AndKeepsOnlyItsHash()
    {
        using var directory = new TemporaryDirectory("analyst-cli");
        var config = await WriteConfigurationAsync(directory);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RunAsync(output, error, "analyst", "add", "--config", config, "--name", "grid-planner", "--purpose", AnalysisServer.Peak);
        var token = output.ToString().Trim();

        Assert.Equal(0, code);
        Assert.Equal(43, token.Length);
        Assert.Contains("shown this once", error.ToString(), StringComparison.Ordinal);
        using var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me", UriKind.Relative))).RootElement;
        Assert.Equal("grid-planner", me.GetProperty("name").GetString());
        await using var command = server.Database.DataSource.CreateCommand("SELECT count(*) FROM analyst WHERE encode(token_sha256, 'escape') LIKE '%' || $1 || '%'");
        command.Parameters.Add(new() { Value = token });
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Rules_SetsThePublishedPreset_AndABadPresetIsOneLine()
    {
        using var directory = new TemporaryDirectory("analyst-cli");
        var config = await WriteConfigurationAsync(directory);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var set = await RunAsync(output, error, "analyst", "rules", "--config", config, "--purpose", "published-study", "--preset", "published", "--epsilon-budget", "2");
        var bad = await RunAsync(output, error, "analyst", "rules", "--config", config, "--purpose", "x", "--preset", "lenient");

        Assert.Equal(0, set);
        Assert.Equal("published-study: k = 100, dominance 15%, ε budget 2 per series, clip 30000 Wh", output.ToString().Trim());
        Assert.NotEqual(0, bad);
        Assert.Equal("error: --preset must be analyst or published.", error.ToString().Trim());
        using var analyst = await server.AnalystAsync("published-study");
        var me = JsonDocument.Parse(await analyst.GetStringAsync(new Uri("/api/me", UriKind.Relative))).RootElement;
        Assert.Equal(100, me.GetProperty("purposes")[0].GetProperty("minHouseholds").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(new Uri("/api/budget?purpose=published-study&series=s", UriKind.Relative))).StatusCode);
    }

    /// <summary>The analysis configuration on the shared database, as a file in <paramref name="directory"/>.</summary>
    private async Task<string> WriteConfigurationAsync(TemporaryDirectory directory)
    {
        var config = directory.File("analysis.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Aizu = new { City = new { Analysis = new { server.ConnectionString } } } }));
        return config;
    }

    private static Task<int> RunAsync(TextWriter output, TextWriter error, params string[] arguments) =>
        CityCommandLine.Create(output, error, TimeProvider.System).Parse(arguments).InvokeAsync();
}
