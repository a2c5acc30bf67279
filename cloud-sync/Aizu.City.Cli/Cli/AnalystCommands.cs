namespace Aizu.City.Cli;

/// <summary>
/// <c>aizu-city analyst serve|add|rules [--config FILE]</c>: the analyst API and page (section <c>Aizu:City:Analysis</c>,
/// environment variables such as <c>Aizu__City__Analysis__Url</c> override the file), registering an analyst (the token
/// is printed once, only its hash is kept), and a purpose's release rules.
/// </summary>
internal static class AnalystCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<FileInfo?>("--config") { Description = "JSON configuration with an Aizu:City:Analysis section (environment variables override it)." };
        var command = new Command("analyst", "The analyst side: district statistics under the release rules, audited.")
        {
            Serve(config, error),
            Add(config, output, error),
            Rules(config, output, error),
        };
        return command;
    }

    private static Command Serve(Option<FileInfo?> config, TextWriter error)
    {
        var command = new Command("serve", "Serve the analyst API and page (runs until stopped).") { config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (Configuration(parse.GetValue(config), error) is not { } configuration)
            {
                return ExitCodes.BadArguments;
            }

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.Configuration.AddConfiguration(configuration);
            var section = builder.Configuration.GetSection(AnalysisOptions.SectionName);
            builder.Services.AddAizuCityAnalysis(section);
            builder.WebHost.UseUrls(section[nameof(AnalysisOptions.Url)] ?? new AnalysisOptions().Url);
            await using var app = builder.Build();
            app.MapAnalysisEndpoints();
            return await HostRun.RunAsync(app, error, cancellationToken);
        });
        return command;
    }

    private static Command Add(Option<FileInfo?> config, TextWriter output, TextWriter error)
    {
        var name = new Option<string>("--name") { Description = "Who the analyst is (for the audit).", Required = true };
        var purposes = new Option<string[]>("--purpose") { Description = "A purpose the analyst may see (repeat for more).", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("add", "Register an analyst for purposes and print their token (once).") { config, name, purposes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await OpenAsync(parse.GetValue(config), error, cancellationToken) is not { } database)
            {
                return ExitCodes.BadArguments;
            }

            await using (database)
            {
                var token = await new AnalystDirectory(database, TimeProvider.System).AddAsync(parse.GetValue(name)!, parse.GetValue(purposes)!, cancellationToken);
                await output.WriteLineAsync(token);
                await error.WriteLineAsync("The token is shown this once; only its SHA-256 is kept.");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Rules(Option<FileInfo?> config, TextWriter output, TextWriter error)
    {
        var purpose = new Option<string>("--purpose") { Description = "The purpose.", Required = true };
        var preset = new Option<string>("--preset") { Description = "analyst (15 households, 15 %) or published (100, 15 %).", DefaultValueFactory = _ => "analyst" };
        var minimum = new Option<int?>("--min-households") { Description = "k, overriding the preset." };
        var share = new Option<decimal?>("--max-share") { Description = "Dominance bound (0–1), overriding the preset." };
        var budget = new Option<decimal?>("--epsilon-budget") { Description = "ε per published series." };
        var clip = new Option<long?>("--clip-wh") { Description = "Per-household clipping bound of published tables, Wh per cell." };
        var command = new Command("rules", "Set a purpose's release rules and privacy budget.") { config, purpose, preset, minimum, share, budget, clip };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (ReleaseRules.Preset(parse.GetValue(preset)!) is not { } rules)
            {
                await error.WriteLineAsync("error: --preset must be analyst or published.");
                return ExitCodes.BadArguments;
            }

            rules = new ReleaseRules(parse.GetValue(minimum) ?? rules.MinHouseholds, parse.GetValue(share) ?? rules.MaxShare);
            if (rules.Problem() is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}.");
                return ExitCodes.BadArguments;
            }

            if (await OpenAsync(parse.GetValue(config), error, cancellationToken) is not { } database)
            {
                return ExitCodes.BadArguments;
            }

            await using (database)
            {
                var defaults = new AnalysisOptions();
                var set = new PurposeRules(parse.GetValue(purpose)!, rules, parse.GetValue(budget) ?? defaults.EpsilonBudget, parse.GetValue(clip) ?? defaults.ClipWh);
                await new PurposeRulesStore(database, Options.Create(defaults)).SetAsync(set, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{set.Purpose}: k = {rules.MinHouseholds}, dominance {rules.MaxShare * 100:0.#}%, ε budget {set.EpsilonBudget} per series, clip {set.ClipWh} Wh"));
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static IConfiguration? Configuration(FileInfo? file, TextWriter error)
    {
        if (file is { Exists: false })
        {
            error.WriteLine($"error: {file.FullName} does not exist.");
            return null;
        }

        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            builder.AddJsonFile(file.FullName, optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    private static async Task<AnalysisDatabase?> OpenAsync(FileInfo? file, TextWriter error, CancellationToken cancellationToken)
    {
        if (Configuration(file, error) is not { } configuration)
        {
            return null;
        }

        var options = configuration.GetSection(AnalysisOptions.SectionName).Get<AnalysisOptions>() ?? new AnalysisOptions();
        if (new AnalysisOptionsValidator().Validate(null, options) is { Failed: true } result)
        {
            await error.WriteLineAsync($"error: {string.Join(" ", result.Failures!)}");
            return null;
        }

        var database = new AnalysisDatabase(Options.Create(options), NullLoggerFactory.Instance);
        await database.MigrateAsync(cancellationToken);
        return database;
    }
}
