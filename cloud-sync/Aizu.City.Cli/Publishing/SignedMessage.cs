namespace Aizu.City.Cli;

/// <summary>A message ready to publish: the JWS text and the MQTT 5 message expiry it should carry.</summary>
/// <param name="Jws">The JWS compact serialisation.</param>
/// <param name="MessageExpirySeconds">Seconds until the broker should drop it, or null for none.</param>
/// <param name="Summary">One line describing it, for the operator.</param>
internal sealed record SignedMessage(string Jws, uint? MessageExpirySeconds, string Summary);
