namespace Aizu.Panel;

/// <summary>Body of <c>POST /api/session/setup</c> (password and the device's setup code) and <c>/login</c> (password).</summary>
public sealed record PasswordRequest(string? Password, string? SetupCode = null);
