namespace Aizu.Storage;

/// <summary>The answer to a range query.</summary>
/// <param name="Series">The series asked for.</param>
/// <param name="Unit">Its unit; null when the store does not know the series.</param>
/// <param name="Resolution">The resolution the points come from (never <see cref="Storage.Resolution.Auto"/>).</param>
/// <param name="Points">Buckets in time order; each may merge several buckets of <paramref name="Resolution"/> to stay within the requested number.</param>
public sealed record AggregateRange(string Series, string? Unit, Resolution Resolution, IReadOnlyList<AggregatePoint> Points);
