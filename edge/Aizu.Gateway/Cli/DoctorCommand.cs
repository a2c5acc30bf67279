namespace Aizu.Gateway.Cli;

/// <summary>
/// <c>aizu doctor [--json] [--bundle FILE] [--config FILE] [--database FILE]</c>: checks what the gateway depends on and
/// explains each problem with what to do. Exit code 0 when nothing failed, 5 when something did.
/// </summary>
internal static class DoctorCommand
{

    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var json = new Option<bool>("--json") { Description = "One JSON document (checks with name, outcome, detail, fix) instead of text." };
        var bundle = new Option<FileInfo?>("--bundle") { Description = "Also write a support bundle (JSON, mode 0600): the configuration with passwords, B-route ID, tokens and keys masked, these checks, versions and recent log lines." };
        var database = new DatabaseOptions();
        var command = new Command("doctor", "Check the clock, configuration, disk, store, consent ledger and egress log, and say what to do about each problem.")
        {
            json,
            bundle,
            database.Config,
            database.Database,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configPath = parse.GetValue(database.Config)?.FullName;
            var checks = await new GatewayDoctor(time).RunAsync(configPath, parse.GetValue(database.Database)?.FullName, cancellationToken);
            if (parse.GetValue(bundle) is { } bundleFile)
            {
                await SupportBundle.WriteAsync(bundleFile.FullName, LoadQuietly(configPath), checks, time.GetUtcNow(), cancellationToken);
                await error.WriteLineAsync($"Support bundle written to {bundleFile.FullName} (passwords, B-route ID, tokens and keys masked; check it before sending).");
            }

            var failed = checks.Count(c => c.Outcome == DoctorOutcome.Fail);
            if (parse.GetValue(json))
            {
                var report = new DoctorReport(
                    failed == 0,
                    failed,
                    checks.Count(c => c.Outcome == DoctorOutcome.Warning),
                    [.. checks.Select(c => DoctorCheckReport.From(c, text => text))]);
                await output.WriteLineAsync(JsonSerializer.Serialize(report, GatewayJsonContext.Default.DoctorReport));
            }
            else
            {
                var width = checks.Max(c => c.Name.Length);
                foreach (var check in checks)
                {
                    var label = check.Outcome switch { DoctorOutcome.Ok => "ok  ", DoctorOutcome.Warning => "WARN", _ => "FAIL" };
                    await output.WriteLineAsync($"{label}  {check.Name.PadRight(width)}  {check.Detail}");
                    if (check.Fix is not null && check.Outcome != DoctorOutcome.Ok)
                    {
                        await output.WriteLineAsync($"      {new string(' ', width)}  → {check.Fix}");
                    }
                }

                await output.WriteLineAsync(failed == 0 ? "Nothing failed." : $"{failed} check(s) failed.");
            }

            return failed == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }

    // A configuration the doctor could not read has already failed its check; the bundle then carries none.
    private static Microsoft.Extensions.Configuration.IConfigurationRoot? LoadQuietly(string? configPath)
    {
        try
        {
            return Configuration.GatewayConfiguration.Load(configPath);
        }
        catch (Hosting.GatewayConfigurationException)
        {
            return null;
        }
    }
}
