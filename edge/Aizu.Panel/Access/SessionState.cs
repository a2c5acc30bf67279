namespace Aizu.Panel;

/// <summary>
/// What the page needs before it shows anything: must the household set a password first, is this browser
/// signed in, is the panel a read-only kiosk, and the anti-forgery token for changes.
/// </summary>
public sealed record SessionState(bool SetupRequired, bool Authenticated, bool Kiosk, string CsrfToken, string CsrfHeader);
