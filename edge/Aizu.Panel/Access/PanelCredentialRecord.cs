namespace Aizu.Panel;

/// <summary>What <c>panel-access.json</c> holds: the password hash, never the password.</summary>
internal sealed record PanelCredentialRecord(string Hash);
