namespace Aizu.Gateway.Erase;

/// <summary>A file or folder on the device that holds the household's data or keys, and what it holds.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Holds">What it holds, in words for the household.</param>
internal sealed record HouseholdFile(string Path, string Holds);
