namespace Aizu.Files.Tests;

/// <summary>A piece of state for <see cref="JsonStateFileTests"/>.</summary>
public sealed record Counter(int Value);
