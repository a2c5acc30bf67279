namespace Aizu.City.Ingest;

/// <summary>
/// One message as the broker delivered it, independent of the MQTT library: what the validator, the
/// registry and the store read, and how to acknowledge it once its outcome is committed.
/// </summary>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Payload">The payload bytes.</param>
/// <param name="Properties">The MQTT 5 user properties (a repeated name keeps its first value).</param>
/// <param name="Acknowledge">Sends the PUBACK; called once, after the outcome is committed or counted.</param>
public sealed record IncomingMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    IReadOnlyDictionary<string, string> Properties,
    Func<CancellationToken, Task> Acknowledge);
