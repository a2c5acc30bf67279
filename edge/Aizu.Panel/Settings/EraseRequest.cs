namespace Aizu.Panel;

/// <summary>Body of <c>POST /api/erase</c>: the panel password, entered again.</summary>
public sealed record EraseRequest(string? Password);
