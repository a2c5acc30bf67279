namespace Aizu.Alerts;

/// <summary>A CAP message's identity: its sender and identifier (unique per sender, CAP 1.2 §3.2.1).</summary>
internal readonly record struct MessageId(string Sender, string Identifier)
{
    public static MessageId Of(CapAlert alert) => new(alert.Sender, alert.Identifier);

    public static MessageId Of(CapReference reference) => new(reference.Sender, reference.Identifier);

    public override string ToString() => $"{Sender},{Identifier}";
}
