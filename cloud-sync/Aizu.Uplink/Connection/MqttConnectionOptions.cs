namespace Aizu.Uplink;

/// <summary>Builds MQTTnet's client options from <see cref="UplinkOptions"/>: MQTT 5, TLS, session, will.</summary>
internal static class MqttConnectionOptions
{
    /// <summary>Retained status payloads: a state word and the software version, never a household value.</summary>
    public static byte[] OnlinePayload { get; } = GatewayStatusPayload.Write(new GatewayStatusMessage(
        GatewayStatusPayload.Online,
        typeof(MqttConnectionOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"));

    /// <summary>The will, and what a graceful shutdown publishes.</summary>
    public static byte[] OfflinePayload { get; } = GatewayStatusPayload.Write(new GatewayStatusMessage(GatewayStatusPayload.Offline, null));

    public static MqttClientOptions Build(UplinkOptions options)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.GatewayId)
            // Resume the broker's session: alerts queued while offline are delivered on reconnect.
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.Timeout)
            .WithWillTopic(WireTopics.Status(options.GatewayId))
            .WithWillPayload(OfflinePayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType(ContentTypes.Json);
        if (options.UseTls)
        {
            builder.WithTlsOptions(tls => ConfigureTls(tls, options));
        }

        return builder.Build();
    }

    /// <summary>TLS as the uplink uses it: the host name, TLS 1.2/1.3, the device certificate, the pinned CA.</summary>
    public static void ConfigureTls(MqttClientTlsOptionsBuilder tls, UplinkOptions options)
    {
        tls.UseTls()
            .WithTargetHost(options.Host)
            .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
        if (options.ClientCertificateFile.Length > 0)
        {
            tls.WithClientCertificates([LoadClientCertificate(options.ClientCertificateFile, options.ClientKeyFile)]);
        }

        if (options.CaFile.Length > 0)
        {
            var authority = X509CertificateLoader.LoadCertificateFromFile(options.CaFile);
            tls.WithCertificateValidationHandler(args => IsIssuedBy(args.Certificate, args.SslPolicyErrors, authority));
        }
    }

    /// <summary>
    /// The broker's certificate must name the host and chain to the configured CA alone: a certificate
    /// from any public CA is not the city's broker.
    /// </summary>
    private static bool IsIssuedBy(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2 authority)
    {
        if (presented is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var certificate = presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // The gateway may have no route to a CRL distribution point; the broker revokes devices, not the reverse.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2 LoadClientCertificate(string certificateFile, string keyFile)
    {
        // A PEM key is ephemeral; SslStream wants a key it can use for the handshake on every platform.
        using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
