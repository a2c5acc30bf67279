namespace Aizu.City.Cli;

/// <summary>Process exit codes of <c>aizu-city</c>, for the city's scripts.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int BadArguments = 1;
    public const int BadInput = 4;
    public const int BrokerFailed = 5;
}
