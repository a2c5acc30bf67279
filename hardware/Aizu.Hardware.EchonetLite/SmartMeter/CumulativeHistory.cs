namespace Aizu.Hardware.EchonetLite.SmartMeter;

/// <summary>
/// EPC 0xE2 / 0xE4: the 48 half-hourly cumulative readings of one day.
/// </summary>
/// <param name="DaysAgo">0 is today (in the meter's clock), up to 99.</param>
/// <param name="Slots">Slot <c>i</c> is the reading at 00:00 + 30 min × i; <c>null</c> where the meter has none.</param>
public sealed record CumulativeHistory(int DaysAgo, IReadOnlyList<uint?> Slots)
{
    public const int SlotCount = 48;

    /// <summary>The meter-local time of day of slot <paramref name="index"/>.</summary>
    public static TimeOnly SlotTime(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SlotCount);
        return TimeOnly.MinValue.AddMinutes(30 * index);
    }

    // Records compare lists by reference; histories are values, so compare the readings.
    public bool Equals(CumulativeHistory? other) =>
        other is not null && DaysAgo == other.DaysAgo && SlotsEqual(Slots, other.Slots);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DaysAgo);
        foreach (var slot in Slots)
        {
            hash.Add(slot);
        }

        return hash.ToHashCode();
    }

    private static bool SlotsEqual(IReadOnlyList<uint?> left, IReadOnlyList<uint?> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }
}
