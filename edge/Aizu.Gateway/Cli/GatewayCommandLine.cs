namespace Aizu.Gateway.Cli;

/// <summary>The <c>aizu</c> command line: <c>run</c>, <c>decode</c>, <c>consent</c>, <c>egress</c>, <c>export</c>, <c>doctor</c>, <c>simulate</c>, <c>enroll</c>, <c>erase</c>, <c>--version</c>.</summary>
internal static class GatewayCommandLine
{
    public static RootCommand Create(TextWriter output, TextWriter error, TimeProvider? time = null, System.Security.Cryptography.RandomNumberGenerator? random = null)
    {
        var root = new RootCommand("Aizu home energy gateway: reads the smart meter, keeps the data at home, shows the local panel.")
        {
            RunCommand.Create(output, error),
            DecodeCommand.Create(output, error),
            ConsentCommand.Create(output, error),
            EgressCommand.Create(output, error),
            ExportCommand.Create(output, error),
            DoctorCommand.Create(output, error, time ?? TimeProvider.System),
            SimulateCommand.Create(output, error),
            EnrollCommand.Create(output, error, time ?? TimeProvider.System, random ?? System.Security.Cryptography.RandomNumberGenerator.Create()),
            EraseCommand.Create(output, error, time ?? TimeProvider.System),
        };
        return root;
    }
}
