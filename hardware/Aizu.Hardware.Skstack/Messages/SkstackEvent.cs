namespace Aizu.Hardware.Skstack;

/// <summary>An <c>EVENT</c> line: <c>EVENT &lt;NUM&gt; &lt;SENDER&gt; [&lt;SIDE&gt;] [&lt;PARAM&gt;]</c>.</summary>
/// <param name="Code">The event number; values outside <see cref="SkstackEventCode"/>'s names are passed through.</param>
/// <param name="Sender">The sender's IPv6 address as printed (full form); empty for events without a sender.</param>
/// <param name="Side">BP35C0-style firmware only: 0 = B-route, 1 = HAN.</param>
/// <param name="Parameter">The parameter byte; only EVENT 21 carries one (00 success, 01 failure, 02 neighbour
/// solicitation).</param>
public sealed record SkstackEvent(SkstackEventCode Code, string Sender, int? Side, byte? Parameter) : SkstackMessage;
