namespace Aizu.Hardware.Skstack;

/// <summary><c>SKSENDTO &lt;HANDLE&gt; &lt;IPADDR&gt; &lt;PORT&gt; &lt;SEC&gt; [&lt;SIDE&gt;] &lt;DATALEN&gt; &lt;DATA&gt;</c>.</summary>
/// <param name="Handle">UDP handle (1–6; 1 is bound to port 3610).</param>
/// <param name="Address">Destination IPv6 address as sent (full form).</param>
/// <param name="Port">Destination UDP port.</param>
/// <param name="Secured">True for SEC 1 (send through the PANA session).</param>
/// <param name="Side">BP35C0 style only: the SIDE field (0 = B-route).</param>
/// <param name="Data">The raw datagram.</param>
/// <remarks>Equality compares <paramref name="Data"/> by content.</remarks>
public sealed record SkstackSendToCommand(
    int Handle,
    string Address,
    ushort Port,
    bool Secured,
    int? Side,
    ReadOnlyMemory<byte> Data) : SkstackCommand("SKSENDTO")
{
    /// <inheritdoc />
    public bool Equals(SkstackSendToCommand? other) =>
        other is not null
        && Handle == other.Handle
        && string.Equals(Address, other.Address, StringComparison.Ordinal)
        && Port == other.Port
        && Secured == other.Secured
        && Side == other.Side
        && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Handle, StringComparer.Ordinal.GetHashCode(Address), Port, Secured, Side, Data.Length);
}
