namespace Aizu.Uplink;

/// <summary>MQTTnet logs through its own interface; this sends it to the gateway's <see cref="ILogger"/>.</summary>
internal sealed class MqttNetLoggerAdapter(ILogger logger) : IMqttNetLogger
{
    // MQTTnet's "info" is per-packet chatter; it belongs at debug level in the gateway's log.
    public bool IsEnabled => logger.IsEnabled(LogLevel.Debug);

    public void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception)
    {
        var level = logLevel switch
        {
            MqttNetLogLevel.Error => LogLevel.Error,
            MqttNetLogLevel.Warning => LogLevel.Warning,
            MqttNetLogLevel.Info => LogLevel.Debug,
            _ => LogLevel.Trace,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var text = parameters is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, message, parameters) : message;
        logger.MqttNet(level, exception, source, text);
    }
}
