using System.CommandLine;

namespace Aizu.City.Cli;

/// <summary>The <c>aizu-city</c> command line: <c>alert publish</c>, <c>key generate</c>, <c>key rotate</c>.</summary>
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
        return new RootCommand("Aizu city alert publisher: signs CAP alerts as JWS (ES256) and publishes them retained to the city broker.")
        {
            alert,
            key,
        };
    }
}
