namespace Aizu.Gateway.Tests.Cli;

/// <summary>Every verb finds the gateway's database the same way from the same configuration.</summary>
public sealed class DatabaseResolutionTests
{
    [Fact]
    public async Task Run_export_consent_and_egress_open_the_file_the_configuration_names()
    {
        using var directory = new TemporaryDirectory();
        var database = Path.Combine(directory.Path, "data", "household.db");
        var config = await WriteConfigAsync(directory, $$"""{ "Aizu": { "Storage": { "DatabasePath": {{Json(database)}} } } }""");

        var run = RunPaths(config);
        Assert.Equal(database, run.Storage);
        Assert.Equal(database, run.Consent);
        Assert.Equal(database, run.Egress);

        // The file does not exist, so each verb names the file it looked for and refuses to create it.
        foreach (var verb in Verbs(config))
        {
            var (code, error) = await InvokeAsync(verb);
            Assert.Equal(ExitCodes.BadConfiguration, code);
            Assert.Equal($"error: there is no gateway database at {database}. Pass --database FILE, or set Aizu:Storage:DatabasePath in the configuration.", error.Trim());
            Assert.False(File.Exists(database));
        }
    }

    [Fact]
    public async Task The_egress_logs_own_key_is_read_by_run_and_by_the_egress_verb_alike()
    {
        using var directory = new TemporaryDirectory();
        var readings = Path.Combine(directory.Path, "readings.db");
        var egress = Path.Combine(directory.Path, "egress.db");
        var config = await WriteConfigAsync(
            directory,
            $$"""{ "Aizu": { "Storage": { "DatabasePath": {{Json(readings)}} }, "Egress": { "DatabasePath": {{Json(egress)}} } } }""");

        Assert.Equal(egress, RunPaths(config).Egress);
        var (_, error) = await InvokeAsync(["egress", "log", "--config", config]);
        Assert.Contains($" at {egress}.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_file_every_verb_reads_what_the_demo_writes()
    {
        using var directory = new TemporaryDirectory();
        var config = await WriteConfigAsync(directory, "{}");
        var demo = Path.GetFullPath(GatewayConfiguration.DemoDatabasePath);

        Assert.Equal(demo, Path.GetFullPath(RunPaths(config).Storage));
        foreach (var verb in Verbs(config))
        {
            var (_, error) = await InvokeAsync(verb);
            Assert.Contains($" at {demo}.", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_named_configuration_file_that_is_missing_is_one_clear_line_for_every_verb()
    {
        using var directory = new TemporaryDirectory();
        var missing = Path.Combine(directory.Path, "nowhere.json");
        foreach (var verb in Verbs(missing))
        {
            var (code, error) = await InvokeAsync(verb);
            Assert.Equal(ExitCodes.BadConfiguration, code);
            Assert.Equal($"error: Configuration file {missing} does not exist.", error.Trim());
        }

        var exception = Assert.Throws<GatewayConfigurationException>(() => GatewayApplication.Build(new RunSettings(true, missing, null)));
        Assert.Equal([$"Configuration file {missing} does not exist."], exception.Problems);
    }

    private static string[][] Verbs(string config) =>
    [
        ["export", "--from", "2026-11-24", "--to", "2026-11-25", "--config", config],
        ["consent", "list", "--config", config],
        ["egress", "log", "--config", config],
    ];

    private static async Task<(int Code, string Error)> InvokeAsync(string[] arguments)
    {
        var (code, _, error) = await GatewayRun.InvokeAsync(arguments);
        return (code, error);
    }

    // What `aizu run --demo --config FILE` hands the store, the consent ledger and the egress log.
    private static (string Storage, string Consent, string Egress) RunPaths(string config)
    {
        using var app = GatewayApplication.Build(new RunSettings(true, config, null), builder =>
            builder.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Aizu:Uplink:Host"] = "127.0.0.1",
                ["Aizu:Uplink:GatewayId"] = "gw-test",
            }));
        var services = app.Services;
        return (Configured<StorageOptions>(services).DatabasePath, Configured<ConsentOptions>(services).DatabasePath, Configured<EgressOptions>(services).DatabasePath);
    }

    // The options as bound and post-configured, without the start-up validation of unrelated keys.
    private static T Configured<T>(IServiceProvider services)
        where T : class, new()
    {
        var options = new T();
        foreach (var configure in services.GetServices<IConfigureOptions<T>>())
        {
            if (configure is IConfigureNamedOptions<T> named)
            {
                named.Configure(Options.DefaultName, options);
            }
            else
            {
                configure.Configure(options);
            }
        }

        foreach (var post in services.GetServices<IPostConfigureOptions<T>>())
        {
            post.PostConfigure(Options.DefaultName, options);
        }

        return options;
    }

    private static async Task<string> WriteConfigAsync(TemporaryDirectory directory, string json)
    {
        var path = Path.Combine(directory.Path, "aizu.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
