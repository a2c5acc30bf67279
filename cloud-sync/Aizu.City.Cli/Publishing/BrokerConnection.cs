namespace Aizu.City.Cli;

/// <summary>Where and how to reach the city broker.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="UseTls">True for mqtts://.</param>
internal sealed record BrokerConnection(string Host, int Port, bool UseTls)
{
    public string? CaFile { get; init; }

    public string? ClientCertificateFile { get; init; }

    public string? ClientKeyFile { get; init; }

    /// <summary>Reads <c>mqtt://host[:port]</c> (default 1883) or <c>mqtts://host[:port]</c> (default 8883).</summary>
    public static bool TryParse(string text, out BrokerConnection? connection, out string? problem)
    {
        connection = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts")
            || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = $"'{text}' is not a broker address such as mqtt://localhost:1883 or mqtts://broker.example:8883.";
            return false;
        }

        var tls = uri.Scheme == "mqtts";
        connection = new BrokerConnection(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port, tls);
        problem = null;
        return true;
    }
}
