namespace Aizu.Tariffs;

/// <summary>
/// Energy a register counted in [<see cref="Start"/>, <see cref="End"/>), in kWh. The store's range query
/// answers in this shape (<c>AggregatePoint.Start</c>, <c>.End</c>, <c>.Energy</c>; see
/// <see cref="FromKWh"/>). A slot is priced as a whole at its start: by the local day and month its start
/// falls in, and by the time-of-use period containing its start, so slots should not be longer than the
/// tariff's grain (15 or 30 minutes for time of use; an hour is fine when periods change on the hour).
/// </summary>
public sealed record EnergySlot
{
    /// <summary>A slot of <paramref name="kWh"/> kWh from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The end precedes the start, or the energy is negative.</exception>
    public EnergySlot(DateTimeOffset start, DateTimeOffset end, decimal kWh)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "The slot ends before it starts.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(kWh);
        Start = start;
        End = end;
        KWh = kWh;
    }

    /// <summary>First instant of the slot.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>First instant after the slot; equal to <see cref="Start"/> for energy counted at an instant.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Energy in kWh.</summary>
    public decimal KWh { get; }

    /// <summary>
    /// A slot from a store value in kWh (a <see cref="double"/>), rounded to 0.000001 kWh (a milliwatt-hour)
    /// so the noise left by subtracting register readings does not reach the bill.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kWh"/> is not a finite, non-negative number.</exception>
    public static EnergySlot FromKWh(DateTimeOffset start, DateTimeOffset end, double kWh)
    {
        if (!double.IsFinite(kWh) || kWh < 0 || kWh > 1e12)
        {
            throw new ArgumentOutOfRangeException(nameof(kWh), kWh, "Energy must be a finite, non-negative number of kWh.");
        }

        return new EnergySlot(start, end, Math.Round((decimal)kWh, 6, MidpointRounding.AwayFromZero));
    }

    /// <summary>The part of the slot's energy that falls in [<paramref name="from"/>, <paramref name="to"/>), assuming constant power within the slot.</summary>
    public decimal KWhWithin(DateTimeOffset from, DateTimeOffset to)
    {
        if (End == Start)
        {
            return Start >= from && Start < to ? KWh : 0m;
        }

        var overlapStart = Start > from ? Start : from;
        var overlapEnd = End < to ? End : to;
        if (overlapEnd <= overlapStart)
        {
            return 0m;
        }

        return overlapEnd - overlapStart == End - Start
            ? KWh
            : KWh * (overlapEnd - overlapStart).Ticks / (End - Start).Ticks;
    }
}
