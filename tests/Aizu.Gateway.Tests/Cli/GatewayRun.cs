namespace Aizu.Gateway.Tests.Cli;

/// <summary>Runs the <c>aizu</c> command line in-process, as a shell would, and returns its exit code and what it wrote to each stream.</summary>
internal static class GatewayRun
{
    public static async Task<(int Code, string Output, string Error)> InvokeAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Parse errors go to the invocation's writers, the commands' own output to the ones they were created with: both are captured.
        int code = await GatewayCommandLine.Create(output, error).Parse(arguments).InvokeAsync(new() { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
