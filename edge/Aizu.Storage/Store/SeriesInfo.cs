namespace Aizu.Storage;

/// <summary>A series the store knows.</summary>
/// <param name="Name">Series name, for example <c>elec.power</c>.</param>
/// <param name="Unit">The unit its readings are stored in.</param>
public sealed record SeriesInfo(string Name, string Unit);
