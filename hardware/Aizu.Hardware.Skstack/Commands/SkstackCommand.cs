namespace Aizu.Hardware.Skstack;

/// <summary>
/// A command as the dongle receives it, parsed by <see cref="SkstackCommandReader"/> for the dongle simulator.
/// </summary>
/// <param name="Name">The command word, e.g. <c>SKSCAN</c>; empty for <see cref="SkstackMalformedCommand"/>.</param>
public abstract record SkstackCommand(string Name);
