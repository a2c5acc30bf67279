namespace Aizu.City.Cli;

/// <summary>The <c>aizu-city</c> command line: <c>alert publish</c>, <c>key generate</c>, <c>key rotate</c>, <c>ingest run</c>, <c>ingest status</c>, <c>analyst serve|add|rules</c>.</summary>
internal static class CityCommandLine
{
    public static RootCommand Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var alert = new Command("alert", "Sign and publish CAP 1.2 alerts for Aizu gateways.")
        {
            AlertPublishCommand.Create(output, error, time),
        };
        var key = new Command("key", "Manage the city's alert signing key (ES256, P-256).")
        {
            KeyGenerateCommand.Create(output, error),
            KeyRotateCommand.Create(output, error, time),
        };
        var ingest = new Command("ingest", "The city's receiving end: consented aggregates from the broker into PostgreSQL.")
        {
            IngestRunCommand.Create(error),
            IngestStatusCommand.Create(output, error),
        };
        return new RootCommand("Aizu city tool: signs and publishes CAP alerts, and runs the ingest of consented aggregates.")
        {
            alert,
            key,
            ingest,
            AnalystCommands.Create(output, error),
        };
    }
}
