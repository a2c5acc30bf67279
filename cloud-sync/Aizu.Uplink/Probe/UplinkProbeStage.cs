namespace Aizu.Uplink;

/// <summary>How far <see cref="UplinkProbe"/> got: each stage needs the ones before it.</summary>
public enum UplinkProbeStage
{
    /// <summary>No TCP connection to the broker's host and port.</summary>
    Unreachable,

    /// <summary>TCP works, but the TLS handshake or the MQTT connection was refused.</summary>
    Refused,

    /// <summary>Connected, but the broker did not accept a publish on the gateway's own test topic.</summary>
    PublishDenied,

    /// <summary>The publish was accepted, but did not come back on the subscription (reading it may be denied).</summary>
    NotEchoed,

    /// <summary>Connected, published and received the message back.</summary>
    Echoed,
}
