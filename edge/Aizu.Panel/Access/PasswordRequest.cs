namespace Aizu.Panel;

/// <summary>Body of <c>POST /api/session/setup</c> and <c>/login</c>.</summary>
public sealed record PasswordRequest(string? Password);
