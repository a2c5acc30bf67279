namespace Aizu.City.Cli;

/// <summary>Runs a built host until stopped: invalid options are one line and exit code 2, never a stack trace.</summary>
internal static class HostRun
{
    public static async Task<int> RunAsync(WebApplication app, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            await error.WriteLineAsync($"error: {string.Join(" ", exception.Failures)}");
            return ExitCodes.BadArguments;
        }

        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }

        return ExitCodes.Ok;
    }
}
