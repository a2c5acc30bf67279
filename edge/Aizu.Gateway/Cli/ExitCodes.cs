namespace Aizu.Gateway.Cli;

/// <summary>Process exit codes, documented in docs/operations.md for installers and systemd.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int BadArguments = 1;
    public const int BadConfiguration = 2;
    public const int CannotStart = 3;
    public const int BadInput = 4;

    // 'aizu consent verify' and 'aizu egress verify': the check ran and found something wrong.
    public const int VerificationFailed = 5;
}
