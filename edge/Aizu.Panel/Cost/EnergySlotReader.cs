namespace Aizu.Panel;

/// <summary>Quarter-hour energy from the store's rollups as the tariff engine's slots.</summary>
internal static class EnergySlotReader
{
    // A 31-day month has 2 976 quarter hours; a little more covers the week before the 1st.
    private const int MaxSlots = 4_000;

    public static async Task<IReadOnlyList<EnergySlot>> ReadAsync(
        IReadingQueries store, string series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var range = await store.GetRangeAsync(series, from, to, Resolution.QuarterHour, MaxSlots, cancellationToken);
        return [.. range.Points
            .Where(p => p.Energy is not null && p.Start >= from)
            .Select(p => EnergySlot.FromKWh(p.Start, p.End, p.Energy!.Value))];
    }
}
