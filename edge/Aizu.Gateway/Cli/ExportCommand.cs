namespace Aizu.Gateway.Cli;

/// <summary><c>aizu export --from --to --resolution --format [--series] [--database] [--config]</c>: the household's own data, out of the store.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var from = new Option<string>("--from") { Description = "Start (inclusive), e.g. 2026-11-01 or 2026-11-01T00:00+09:00.", Required = true };
        var to = new Option<string>("--to") { Description = "End (exclusive), same format.", Required = true };
        var resolution = new Option<Resolution>("--resolution") { Description = "raw, minute, quarterhour, hour or day.", DefaultValueFactory = _ => Resolution.Hour };
        var format = new Option<ExportFormat>("--format") { Description = "csv or json.", DefaultValueFactory = _ => ExportFormat.Csv };
        var series = new Option<string?>("--series") { Description = "One series, e.g. elec.import.energy. Default: every series." };
        var database = new DatabaseOptions();
        var command = new Command("export", "Export stored readings or rollups as CSV or JSON.") { from, to, resolution, format, series, database.Database, database.Config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParseTime(parse.GetValue(from)!, out var start) || !TryParseTime(parse.GetValue(to)!, out var end))
            {
                await error.WriteLineAsync("error: --from and --to must be dates or times such as 2026-11-01 or 2026-11-01T00:00+09:00.");
                return ExitCodes.BadArguments;
            }

            if (end <= start)
            {
                await error.WriteLineAsync("error: --to must be after --from.");
                return ExitCodes.BadArguments;
            }

            if (!database.TryResolve(parse, error, out var configuration, out var path))
            {
                return ExitCodes.BadConfiguration;
            }

            // The household's days, as the gateway keeps them: a store opened in another zone would rebuild its day rollups in that zone.
            const string ZoneKey = $"{HouseholdOptions.SectionName}:{nameof(HouseholdOptions.TimeZone)}";
            var zone = configuration[ZoneKey];
            if (!string.IsNullOrWhiteSpace(zone) && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                await error.WriteLineAsync($"error: {ZoneKey} '{zone}' is not a time zone this system knows; use an IANA id such as Asia/Tokyo.");
                return ExitCodes.BadConfiguration;
            }

            try
            {
                await using var store = new ReadingStoreFile(new StorageOptions { DatabasePath = path }, HouseholdCalendar.ForZone(zone, TimeProvider.System.LocalTimeZone));
                await new ReadingExporter(store.Queries).ExportAsync(parse.GetValue(series), start, end, parse.GetValue(resolution), parse.GetValue(format), output, cancellationToken);
                return ExitCodes.Ok;
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.BadArguments;
            }
            catch (StoreUnavailableException ex)
            {
                // A full or failing disk: the store cannot even be opened (it writes its WAL and rollups as it opens).
                await error.WriteLineAsync($"error: the store cannot be read: {ex.Message}");
                return ExitCodes.CannotStart;
            }
            catch (IOException ex)
            {
                // The export's destination is full or gone: the exit code must not let a script take a cut-off file for the export.
                await error.WriteLineAsync($"error: the export could not be written, it is incomplete: {ex.Message}");
                return ExitCodes.CannotStart;
            }
        });
        return command;
    }

    private static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
