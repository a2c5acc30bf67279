namespace Aizu.Testing;

/// <summary>One message as a raw subscriber on <c>#</c> saw it.</summary>
/// <param name="Topic">Topic.</param>
/// <param name="Payload">Payload bytes.</param>
/// <param name="ContentType">Content type, or null.</param>
/// <param name="UserProperties">User properties.</param>
/// <param name="CorrelationData">Correlation data as UTF-8, or null.</param>
/// <param name="Retain">Retain flag as received.</param>
/// <param name="ReceivedAt">The test clock when it arrived.</param>
public sealed record RecordedMessage(
    string Topic,
    byte[] Payload,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> UserProperties,
    string? CorrelationData,
    bool Retain,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The payload as text.</summary>
    public string Text => Encoding.UTF8.GetString(Payload);

    /// <summary>The first user property called <paramref name="name"/>, or null.</summary>
    public string? Property(string name) => UserProperties.FirstOrDefault(p => p.Key == name).Value;
}
