namespace Aizu.Egress;

/// <summary>What the egress side needs to decide what may leave and to keep its outbox.</summary>
public sealed class EgressOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Egress</c>.</summary>
    public const string SectionName = "Aizu:Egress";

    /// <summary>
    /// The gateway's SQLite file. The host binds it to the reading store's file
    /// (<c>Aizu:Storage:DatabasePath</c>) so the outbox and the egress log live beside the readings in
    /// their own <c>egress_*</c> tables.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// Pseudonymous gateway id, the same as the device certificate's CN and <c>Aizu:Uplink:GatewayId</c>:
    /// the last level of <c>aizu/v1/status/{gw}</c>. Lower-case letters, digits and dashes. Empty: the gateway host fills
    /// in its device identity's id.
    /// </summary>
    public string GatewayId { get; set; } = "";

    /// <summary>
    /// The file holding the gateway secret the per-purpose pseudonyms are derived from. Created with
    /// 32 random bytes and mode 0600 when missing; refused when others can read it.
    /// </summary>
    public string SecretPath { get; set; } = "/var/lib/aizu/pseudonym.key";

    /// <summary>
    /// The file holding the key that seals every outbox row (topic, payload, properties and consent), so a
    /// row added or changed in the database is never sent. Empty (the default): <c>outbox.key</c> beside
    /// <see cref="SecretPath"/>. Created with 32 random bytes and mode 0600 at first start.
    /// </summary>
    public string OutboxKeyPath { get; set; } = "";

    /// <summary>
    /// The city's public key (PEM, P-256) that signs its deletion confirmations (the ingest's
    /// <c>ConfirmationKeyPath</c>), pinned like the catalogue key <c>Aizu:Consent:CityPublicKeyPem</c>. Empty: no
    /// confirmation is accepted (each is refused and logged), so the consent card never claims a deletion.
    /// </summary>
    public string CityConfirmationKeyPem { get; set; } = "";

    /// <summary>How often the egress side looks for closed windows and expired grants. Default one minute.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after a window closes before it is released, so late readings (the meter's 30-minute
    /// history, a slow batch) are in the store. Default five minutes.
    /// </summary>
    public TimeSpan ReleaseDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long delivered messages stay in the outbox table before they are pruned. Default 30 days. The
    /// egress log (what the household reads: <c>aizu egress log</c>, the panel) keeps its own copy of every
    /// send and is never pruned; pending and dropped messages are never pruned.
    /// </summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The most data windows that wait in the outbox while the city's broker is away. Adding one more drops the
    /// oldest waiting windows first (they never left the home); consent states, deletion requests and alert
    /// acknowledgements are not counted and never dropped. Default 26,280: a year of hourly windows for three
    /// grants, about 26 MB at roughly 1 KB a row, so an outage of any length cannot fill a small SD card, while
    /// the newest year is still delivered in order once the broker is back.
    /// </summary>
    public int OutboxMaxPending { get; set; } = 26_280;

    /// <summary><see cref="OutboxKeyPath"/>, or <c>outbox.key</c> beside <see cref="SecretPath"/> when it is empty.</summary>
    public string ResolveOutboxKeyPath() =>
        string.IsNullOrWhiteSpace(OutboxKeyPath)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(SecretPath)) ?? ".", "outbox.key")
            : OutboxKeyPath;
}
