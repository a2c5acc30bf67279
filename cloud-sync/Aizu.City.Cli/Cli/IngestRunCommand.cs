namespace Aizu.City.Cli;

/// <summary>
/// <c>aizu-city ingest run [--config FILE]</c>: one ingest instance as a generic host (options from the
/// file's <c>Aizu:City:Ingest</c> section, overridable by environment variables such as
/// <c>Aizu__City__Ingest__ClientId</c>), serving <c>/metrics</c> and <c>/status</c> on its MetricsUrl.
/// </summary>
internal static class IngestRunCommand
{
    public static Command Create(TextWriter error)
    {
        var config = new Option<FileInfo?>("--config") { Description = "JSON configuration with an Aizu:City:Ingest section (environment variables override it)." };
        var command = new Command("run", "Receive consented aggregates from the city broker into PostgreSQL (runs until stopped).") { config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(config);
            if (file is { Exists: false })
            {
                await error.WriteLineAsync($"error: {file.FullName} does not exist.");
                return ExitCodes.BadArguments;
            }

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            if (file is not null)
            {
                builder.Configuration.AddJsonFile(file.FullName, optional: false);
            }

            builder.Configuration.AddEnvironmentVariables();
            var section = builder.Configuration.GetSection(IngestOptions.SectionName);
            builder.Services.AddAizuCityIngest(section);
            var metricsUrl = section[nameof(IngestOptions.MetricsUrl)] ?? new IngestOptions().MetricsUrl;
            // Empty: nothing to serve, but Kestrel would otherwise pick its own default port.
            builder.WebHost.UseUrls(metricsUrl.Length > 0 ? metricsUrl : "http://127.0.0.1:0");
            await using var app = builder.Build();
            app.MapIngestEndpoints();
            return await HostRun.RunAsync(app, error, cancellationToken);
        });
        return command;
    }
}
