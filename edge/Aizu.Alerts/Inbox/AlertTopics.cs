namespace Aizu.Alerts;

/// <summary>The MQTT topics the city publishes alerts and key updates on.</summary>
public static class AlertTopics
{
    /// <summary>City-wide CAP alerts as signed JWS, retained with message expiry; every gateway filters locally by area.</summary>
    public const string City = "aizu/v1/alert/city";

    /// <summary>
    /// The latest city key update as signed JWS, retained without expiry. A separate topic, because a retained
    /// key update on <see cref="City"/> would displace the retained alert.
    /// </summary>
    public const string Keys = "aizu/v1/alert/key";
}
