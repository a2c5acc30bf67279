namespace Aizu.Hardware.Skstack;

/// <summary>
/// Address rules shared by the host driver and the dongle simulator, so both derive the same IPv6 address from a
/// meter's MAC address.
/// </summary>
public static class SkstackAddress
{
    private const int FullFormLength = 39; // 8 groups of 4 hex digits and 7 colons

    /// <summary>
    /// What SKLL64 answers: the link-local address <c>FE80:0000:0000:0000:</c> followed by the MAC address with the
    /// universal/local bit (0x02 of the first byte) flipped, in 4-digit upper-case groups (RFC 4291 modified EUI-64).
    /// </summary>
    /// <remarks>Golden pair: SKLL64 001D129012345678 → FE80:0000:0000:0000:021D:1290:1234:5678 (ROHM BP35C2 sequence
    /// diagram and the Zig BP35C0 driver's SKLL64 test, both public).</remarks>
    /// <param name="mac16hex">The 64-bit MAC address as 16 hexadecimal characters, e.g. from EPANDESC <c>Addr:</c>.</param>
    /// <exception cref="ArgumentException">The MAC address is not 16 hexadecimal characters.</exception>
    public static string LinkLocalFromMac(string mac16hex)
    {
        ArgumentNullException.ThrowIfNull(mac16hex);
        if (!IsMacAddress(mac16hex))
        {
            throw new ArgumentException("The MAC address must be exactly 16 hexadecimal characters.", nameof(mac16hex));
        }

        AsciiHex.TryParse(mac16hex.AsSpan(0, 2), 2, out var first);
        var mac = Convert.ToHexString([(byte)(first ^ 0x02)]) + mac16hex[2..].ToUpperInvariant();
        return $"FE80:0000:0000:0000:{mac[..4]}:{mac[4..8]}:{mac[8..12]}:{mac[12..]}";
    }

    /// <summary>
    /// True for the only IPv6 form SKSTACK-IP prints and accepts: eight groups of exactly four hexadecimal digits
    /// separated by colons, no <c>::</c> compression.
    /// </summary>
    public static bool IsFullFormIpv6(ReadOnlySpan<char> address)
    {
        if (address.Length != FullFormLength)
        {
            return false;
        }

        for (var i = 0; i < FullFormLength; i++)
        {
            var expectColon = i % 5 == 4;
            if (expectColon ? address[i] != ':' : !AsciiHex.IsDigit(address[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Refuses anything but <see cref="IsFullFormIpv6"/>, for commands and responses that carry an address.</summary>
    internal static void ThrowIfNotFullForm(string ipv6, string parameterName)
    {
        if (!IsFullFormIpv6(ipv6))
        {
            throw new ArgumentException(
                "The address must be a full-form IPv6 address (8 groups of 4 hexadecimal digits, no '::').",
                parameterName);
        }
    }

    /// <summary>True for a 64-bit MAC address written as 16 hexadecimal characters.</summary>
    public static bool IsMacAddress(ReadOnlySpan<char> mac) => AsciiHex.IsDigits(mac, 16);
}
