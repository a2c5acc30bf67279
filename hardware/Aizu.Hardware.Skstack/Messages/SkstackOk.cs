namespace Aizu.Hardware.Skstack;

/// <summary>The command succeeded (<c>OK</c>).</summary>
/// <remarks>
/// The product-configuration commands answer with a value on the same line, terminated by a bare CR:
/// <c>ROPT</c> → <c>OK 01</c> (smdn/Smdn.Net.SkStackIP, tests/Smdn.Devices.BP35XX/.../BP35A1.Commands.cs).
/// That value is kept in <see cref="Value"/> so a driver can learn the ERXUDP data format.
/// </remarks>
public sealed record SkstackOk : SkstackMessage
{
    /// <summary>The text after <c>OK </c>, or null for a plain <c>OK</c>.</summary>
    public string? Value { get; init; }
}
