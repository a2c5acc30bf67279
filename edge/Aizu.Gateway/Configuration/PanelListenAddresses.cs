namespace Aizu.Gateway.Configuration;

/// <summary>
/// Checks the panel's listen addresses before Kestrel sees them. Kestrel reads any host it cannot parse as
/// an IP address (a typo such as <c>127.0.0.l</c>, or <c>*</c>) as "every interface", and an unparsable
/// port as port 80: an unclaimed panel would then be offered to the whole LAN without a word.
/// </summary>
internal static class PanelListenAddresses
{
    /// <summary>One line per unusable address in <paramref name="urls"/> (';'-separated), empty when all are usable.</summary>
    public static IReadOnlyList<string> Problems(string urls, string source)
    {
        var problems = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || !HasExplicitPort(url, uri))
            {
                problems.Add($"{source}: '{url}' is not a listen address; write http://IP:PORT, e.g. http://127.0.0.1:8480 (or http://0.0.0.0:8480 for the whole home network).");
            }
            else if (!IsIpLiteralOrLocalhost(uri))
            {
                problems.Add($"{source}: '{url}' names host '{uri.Host}', which is neither an IP address nor localhost; the panel would listen on every interface.");
            }
        }

        return problems;
    }

    /// <summary>True when any address in <paramref name="urls"/> is reachable from beyond this device.</summary>
    public static bool ReachableBeyondLoopback(IEnumerable<string> urls) =>
        urls.Any(url => Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && !uri.IsLoopback
            && !string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    private static bool IsIpLiteralOrLocalhost(Uri uri) =>
        string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.Host.Trim('[', ']'), out _)
            && StrictIPv4(uri));

    // Uri accepts "127.1" and "0x7f.0.0.1" as IPv4; an installer who wrote those meant something else.
    private static bool StrictIPv4(Uri uri) =>
        uri.HostNameType != UriHostNameType.IPv4 || uri.OriginalString.Contains($"//{uri.Host}", StringComparison.OrdinalIgnoreCase);

    // "http://127.0.0.1" silently means port 80; the panel's port is always written out.
    private static bool HasExplicitPort(string url, Uri uri) =>
        !uri.IsDefaultPort || url.Contains($":{uri.Port}", StringComparison.Ordinal);
}
