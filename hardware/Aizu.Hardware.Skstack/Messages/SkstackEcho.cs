namespace Aizu.Hardware.Skstack;

/// <summary>
/// The dongle repeating a command it received. Echo is on after reset until <c>SKSREG SFE 0</c>; drivers usually skip
/// these lines, but they help to trace which answer belongs to which command.
/// </summary>
/// <param name="CommandLine">The echoed line without its line end.</param>
public sealed record SkstackEcho(string CommandLine) : SkstackMessage;
