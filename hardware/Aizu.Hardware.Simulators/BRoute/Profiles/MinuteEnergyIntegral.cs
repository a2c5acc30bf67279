namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// The energy of a power curve, integrated at one-minute resolution (each minute at its midpoint's power) and cached
/// per day, so a meter register that counts from an installation months ago costs one lookup per day.
/// </summary>
/// <remarks>
/// Every energy the simulator reports (live register, history slots, fixed-time values) comes from this one
/// piecewise-constant curve, which is what makes them agree with each other exactly.
/// </remarks>
internal sealed class MinuteEnergyIntegral
{
    private const int MinutesPerDay = 24 * 60;

    private readonly Func<DateTime, double> watts;
    private readonly ConcurrentDictionary<DateOnly, double[]> days = new();

    public MinuteEnergyIntegral(Func<DateTime, double> watts) => this.watts = watts;

    /// <summary>kWh between two local times; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public double KilowattHours(DateTime from, DateTime to)
    {
        if (to < from)
        {
            return -KilowattHours(to, from);
        }

        var fromDay = DateOnly.FromDateTime(from);
        var toDay = DateOnly.FromDateTime(to);
        var total = SinceMidnight(to) - SinceMidnight(from);
        for (var day = fromDay; day < toDay; day = day.AddDays(1))
        {
            total += DayTotal(day);
        }

        return total;
    }

    /// <summary>kWh of one whole local day.</summary>
    public double DayTotal(DateOnly day) => Cumulative(day)[MinutesPerDay];

    private double SinceMidnight(DateTime time)
    {
        var cumulative = Cumulative(DateOnly.FromDateTime(time));
        var minutes = time.TimeOfDay.TotalMinutes;
        var whole = Math.Min((int)minutes, MinutesPerDay - 1);
        var fraction = minutes - whole;
        return cumulative[whole] + (fraction * (cumulative[whole + 1] - cumulative[whole]));
    }

    private double[] Cumulative(DateOnly day) => days.GetOrAdd(day, Integrate);

    private double[] Integrate(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var cumulative = new double[MinutesPerDay + 1];
        for (var minute = 0; minute < MinutesPerDay; minute++)
        {
            var midpoint = midnight.AddSeconds((minute * 60) + 30);
            cumulative[minute + 1] = cumulative[minute] + (watts(midpoint) / 1000.0 / 60.0);
        }

        return cumulative;
    }
}
