namespace Aizu.Hardware.Sml;

/// <summary>The value of a list entry, as sent.</summary>
/// <param name="Kind">Its SML type.</param>
/// <param name="Number">For integers: the value (a decimal holds every 64-bit integer exactly).</param>
/// <param name="Bytes">For octet strings: the bytes.</param>
/// <param name="Boolean">For booleans: the value.</param>
/// <param name="Size">For integers read from a file: how many bytes the meter encoded the value in (0 when not read from
/// bytes). Firmware quirks depend on it.</param>
public sealed record SmlValue(SmlValueKind Kind, decimal? Number = null, byte[]? Bytes = null, bool? Boolean = null, int Size = 0)
{
    /// <summary>No value.</summary>
    public static SmlValue None { get; } = new(SmlValueKind.None);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SmlValueKind.Bytes => Bytes!.All(b => b is >= 0x20 and < 0x7F)
            ? "\"" + System.Text.Encoding.ASCII.GetString(Bytes!) + "\""
            : Convert.ToHexString(Bytes!),
        SmlValueKind.Boolean => Boolean!.Value ? "true" : "false",
        SmlValueKind.SignedInteger or SmlValueKind.UnsignedInteger => Number!.Value.ToString(CultureInfo.InvariantCulture),
        SmlValueKind.Unsupported => "(a value the gateway cannot read)",
        _ => "(none)",
    };
}
