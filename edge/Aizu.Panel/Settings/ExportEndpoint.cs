namespace Aizu.Panel;

/// <summary>
/// <c>GET /api/export?from=2026-11-01&amp;to=2026-11-24&amp;resolution=hour&amp;format=csv[&amp;series=elec.power]</c>:
/// the household's readings as a download, written by the same <see cref="ReadingExporter"/> as <c>aizu export</c>.
/// <c>from</c> and <c>to</c> are local dates in the panel's zone, both included.
/// </summary>
internal static class ExportEndpoint
{
    public static async Task<IResult> HandleAsync(
        string? from,
        string? to,
        string? resolution,
        string? format,
        string? series,
        HttpContext context,
        ReadingExporter exporter,
        PanelClock clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!PanelDate.TryParse(from, "from", out var first, out var problem) || !PanelDate.TryParse(to, "to", out var last, out problem))
        {
            return Bad("Bad dates", problem);
        }

        if (last < first)
        {
            return Bad("Bad dates", "to must not be before from.");
        }

        if (!TryResolution(resolution ?? "hour", out var chosen))
        {
            return Bad("Bad resolution", $"resolution '{resolution}' is not one of raw, minute, quarter-hour, hour, day.");
        }

        ExportFormat kind;
        switch ((format ?? "csv").ToLowerInvariant())
        {
            case "csv":
                kind = ExportFormat.Csv;
                break;
            case "json":
                kind = ExportFormat.Json;
                break;
            default:
                return Bad("Bad format", $"format '{format}' is not csv or json.");
        }

        if (series is { Length: 0 } || series?.Length > 200)
        {
            series = null;
        }

        var start = clock.Calendar.StartOfDay(first);
        var end = clock.Calendar.EndOfDay(last);
        var logger = loggers.CreateLogger(PanelEndpoints.LogCategory);
        var extension = kind == ExportFormat.Csv ? "csv" : "json";
        var name = string.Create(CultureInfo.InvariantCulture, $"aizu-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}-{chosen.ToString().ToLowerInvariant()}.{extension}");
        var response = context.Response;
        response.ContentType = kind == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        try
        {
            long records;
            await using (var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true))
            {
                records = await exporter.ExportAsync(series, start, end, chosen, kind, writer, cancellationToken);
            }

            logger.PanelExported(records, chosen, extension, first, last);
            return Results.Empty;
        }
        catch (StoreUnavailableException exception)
        {
            // Half a file must not look like a whole one: break the download so the browser reports it failed.
            logger.PanelExportFailed(exception.Message);
            context.Abort();
            return Results.Empty;
        }
    }

    private static bool TryResolution(string text, out Resolution resolution)
    {
        resolution = text.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "raw" => Resolution.Raw,
            "minute" => Resolution.Minute,
            "quarterhour" => Resolution.QuarterHour,
            "hour" => Resolution.Hour,
            "day" => Resolution.Day,
            _ => Resolution.Auto,
        };
        return resolution != Resolution.Auto;
    }

    private static ProblemHttpResult Bad(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);
}
