namespace Aizu.LocalServers;

/// <summary>
/// A second, TLS listener for <see cref="MosquittoBroker"/>: the city's CA, the broker's certificate and key (PEM files
/// mosquitto's user can read), and whether a client certificate is required and its CN becomes the user name (what
/// the <c>pattern</c> ACL lines substitute for <c>%u</c>).
/// </summary>
/// <param name="CaFile">The CA client certificates must chain to.</param>
/// <param name="CertificateFile">The broker's certificate.</param>
/// <param name="KeyFile">The broker's private key.</param>
/// <param name="RequireCertificate">mosquitto's <c>require_certificate</c>.</param>
/// <param name="UseIdentityAsUsername">mosquitto's <c>use_identity_as_username</c>.</param>
/// <param name="CrlFile">mosquitto's <c>crlfile</c>: the CA's revocation list (PEM); null for none.</param>
public sealed record MosquittoTlsListener(
    string CaFile,
    string CertificateFile,
    string KeyFile,
    bool RequireCertificate = true,
    bool UseIdentityAsUsername = true,
    string? CrlFile = null)
{
    /// <summary>The listener's lines of mosquitto.conf, on <paramref name="port"/> of 127.0.0.1.</summary>
    public string Configuration(int port) => $"""
        listener {port} 127.0.0.1
        cafile {CaFile}
        certfile {CertificateFile}
        keyfile {KeyFile}
        tls_version tlsv1.2
        require_certificate {(RequireCertificate ? "true" : "false")}
        use_identity_as_username {(UseIdentityAsUsername ? "true" : "false")}
        {(CrlFile is null ? "" : $"crlfile {CrlFile}")}
        """;
}
