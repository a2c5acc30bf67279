namespace Aizu.Alerts;

/// <summary>Which city keys the gateway trusts, for installers and the panel's status page.</summary>
/// <param name="PinnedKeyId">Thumbprint of the key pinned in the configuration.</param>
/// <param name="TrustedNow">Thumbprints of the keys accepted at this moment.</param>
/// <param name="NextKeyId">Thumbprint of an announced next key, if any.</param>
/// <param name="ValidFrom">When the next key starts to be accepted.</param>
/// <param name="OverlapUntil">When the current key stops being accepted.</param>
public sealed record CityKeyStatus(string PinnedKeyId, IReadOnlyList<string> TrustedNow, string? NextKeyId, DateTimeOffset? ValidFrom, DateTimeOffset? OverlapUntil);
