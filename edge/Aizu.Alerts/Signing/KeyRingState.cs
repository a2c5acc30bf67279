namespace Aizu.Alerts;

/// <summary>What the gateway remembers about city key rotations between restarts.</summary>
/// <param name="PinnedKeyId">Thumbprint of the key pinned in the configuration when this state was written.</param>
/// <param name="CurrentKeyPem">The key trusted until the overlap ends.</param>
/// <param name="NextKeyPem">The announced next key, if any.</param>
/// <param name="ValidFrom">When the next key starts to be accepted.</param>
/// <param name="OverlapUntil">When the current key stops being accepted.</param>
/// <param name="LastUpdateIssued">The <c>issued</c> time of the last key update applied.</param>
public sealed record KeyRingState(
    string PinnedKeyId,
    string CurrentKeyPem,
    string? NextKeyPem,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? OverlapUntil,
    DateTimeOffset? LastUpdateIssued);
