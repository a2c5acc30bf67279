namespace Aizu.Gateway.Cli;

/// <summary><c>aizu run [--demo] [--config FILE] [--urls URL]</c>.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var demo = new Option<bool>("--demo")
        {
            Description = "Run with a simulated Wi-SUN dongle and smart meter (no hardware needed).",
        };
        var config = new Option<FileInfo?>("--config")
        {
            Description = "Configuration file (JSON). Default: /etc/aizu/aizu.json if it exists.",
        };
        var urls = new Option<string?>("--urls")
        {
            Description = "Where the panel listens, e.g. http://0.0.0.0:8480. Default: http://127.0.0.1:8480.",
        };
        var profile = new Option<string>("--profile")
        {
            Description = "Demo household: jp (B-route smart meter, default) or eu (DSMR P1 meter with gas).",
            DefaultValueFactory = _ => "jp",
        };
        profile.AcceptOnlyFromAmong("jp", "eu");
        var command = new Command("run", "Run the gateway: read the meter, store readings, serve the panel.")
        {
            demo,
            profile,
            config,
            urls,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new RunSettings(parse.GetValue(demo), parse.GetValue(config)?.FullName, parse.GetValue(urls), parse.GetValue(profile) ?? "jp");
            return GatewayRunner.RunAsync(settings, output, error, cancellationToken);
        });
        return command;
    }
}
