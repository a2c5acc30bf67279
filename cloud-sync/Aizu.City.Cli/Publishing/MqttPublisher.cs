namespace Aizu.City.Cli;

/// <summary>Publishes one signed message retained at QoS 1 over MQTT 5 and waits for the broker's acknowledgement.</summary>
internal static class MqttPublisher
{
    /// <summary>Publishes <paramref name="payload"/>; returns null on success, otherwise what went wrong.</summary>
    public static async Task<string?> PublishAsync(BrokerConnection broker, string topic, byte[] payload, uint? messageExpirySeconds, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"aizu-city-{Guid.NewGuid():N}")
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(15));

        var trust = new X509Certificate2Collection();
        X509Certificate2? clientCertificate = null;
        try
        {
            if (broker.UseTls)
            {
                if (broker.CaFile is not null)
                {
                    trust.ImportFromPemFile(broker.CaFile);
                }

                if (broker.ClientCertificateFile is not null)
                {
                    clientCertificate = X509Certificate2.CreateFromPemFile(broker.ClientCertificateFile, broker.ClientKeyFile);
                }

                builder.WithTlsOptions(tls =>
                {
                    tls.UseTls();
                    if (trust.Count > 0)
                    {
                        tls.WithTrustChain(trust);
                    }

                    if (clientCertificate is not null)
                    {
                        tls.WithClientCertificates([clientCertificate]);
                    }
                });
            }

            using var client = new MqttClientFactory().CreateMqttClient();
            var connected = await client.ConnectAsync(builder.Build(), cancellationToken);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                return $"the broker refused the connection: {connected.ResultCode} {connected.ReasonString}";
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(true)
                .WithContentType(ContentTypes.Jose)
                .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);
            if (messageExpirySeconds is { } expiry)
            {
                message.WithMessageExpiryInterval(expiry);
            }

            var published = await client.PublishAsync(message.Build(), cancellationToken);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
            return published.IsSuccess ? null : $"the broker refused the message: {published.ReasonCode} {published.ReasonString}";
        }
        catch (Exception exception) when (exception is MqttCommunicationException or IOException or System.Security.Authentication.AuthenticationException or System.Security.Cryptography.CryptographicException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"could not publish to {broker.Host}:{broker.Port}: {exception.Message}";
        }
        finally
        {
            clientCertificate?.Dispose();
            foreach (var certificate in trust)
            {
                certificate.Dispose();
            }
        }
    }
}
