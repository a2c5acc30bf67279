namespace Aizu.Panel;

/// <summary>Body of <c>POST /api/session/password</c>.</summary>
public sealed record PasswordChangeRequest(string? Current, string? Password);
