namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>Where the dongle's PANA session stands.</summary>
internal enum SessionState
{
    None,
    Joining,
    Joined,
    Terminating,
}
