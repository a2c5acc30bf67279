namespace Aizu.City.Cli;

/// <summary><c>aizu-city ingest status [--url URL] [--json]</c>: an instance's counters, refusals by reason and the latest refusals.</summary>
internal static class IngestStatusCommand
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var url = new Option<string>("--url") { Description = "The instance's MetricsUrl.", DefaultValueFactory = _ => new IngestOptions().MetricsUrl };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var command = new Command("status", "Show what an ingest instance received, stored and refused (and why).") { url, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address))
            {
                await error.WriteLineAsync($"error: '{parse.GetValue(url)}' is not an http:// address.");
                return ExitCodes.BadArguments;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            IngestStatus? status;
            try
            {
                status = await http.GetFromJsonAsync<IngestStatus>(new Uri(address, "/status"), Web, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
            {
                await error.WriteLineAsync($"error: no ingest status at {address}: {exception.Message}");
                return ExitCodes.BrokerFailed;
            }

            if (status is null)
            {
                await error.WriteLineAsync($"error: {address} answered nothing.");
                return ExitCodes.BrokerFailed;
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(status, Web));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync($"{status.Instance}: {(status.Connected ? "connected" : "NOT CONNECTED")}; received {status.Received}, stored {status.Stored}, duplicates {status.Duplicates}, waiting {status.Waiting}");
            await output.WriteLineAsync($"consent states {status.ConsentStates}, deletion requests {status.DeletionRequests} ({status.RowsDeleted} aggregates deleted)");
            await output.WriteLineAsync(status.Rejected.Count == 0
                ? "refused: none"
                : "refused: " + string.Join(", ", status.Rejected.Select(r => $"{r.Key} {r.Value}")));
            foreach (var recent in status.Recent)
            {
                await output.WriteLineAsync($"  {recent.At:yyyy-MM-dd'T'HH:mm:ssK}  {recent.Reason,-22} {recent.Topic}  {recent.MessageId}  {recent.Detail}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
