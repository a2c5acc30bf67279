namespace Aizu.Hardware.Simulators.Dsmr;

/// <summary>
/// A Dutch or Belgian household of two to four people: about 2,900 kWh of electricity a year (roughly 6 kWh on a
/// summer day, 10 kWh on a winter day), gas central heating and hot water of about 1,100 m3 a year, and optionally a
/// rooftop PV system. Each value is a smooth, deterministic function of local time (CET/CEST), so energy a simulated
/// meter counts can be recomputed; the meters add their own measurement noise.
/// </summary>
public sealed class EuropeanHouseholdProfile
{
    private const double DaysPerYear = 365.2425;

    /// <summary>Always-on consumption in watts: fridge, freezer, router, standby.</summary>
    public double BaseLoadWatts { get; init; } = 110;

    /// <summary>Peak output of a south-facing PV system; 0 for none.</summary>
    public double SolarPeakWatts { get; init; }

    /// <summary>Gas used for heating on the coldest day, m3 a day (a terraced house with a condensing boiler).</summary>
    public double WinterGasPerDay { get; init; } = 7.5;

    /// <summary>Household electricity consumption in watts at <paramref name="instant"/>.</summary>
    public double PowerWatts(DateTimeOffset instant)
    {
        var (hour, days, weekend) = Local(instant);
        var winter = Winterness(days);
        var breakfast = weekend ? 8.5 : 7.2;
        var baseLoad = BaseLoadWatts + (15 * Math.Sin(2 * Math.PI * hour / 0.7));
        var morning = (1100 * Bump(hour, breakfast, 0.4)) + (150 * Bump(hour, breakfast + 0.5, 0.6));
        var daytime = weekend ? 350 * Bump(hour, 13, 2.5) : 90 * Bump(hour, 12.5, 3);

        // Dinner on an electric hob or induction, then lights (earlier in winter), TV and the dishwasher.
        var dinner = 1800 * Bump(hour, 18.2, 0.45);
        var lights = (120 + (120 * winter)) * Window(hour, 17.5 - (1.5 * winter), 23.2);
        var dishwasher = 900 * Bump(hour, 20.5, 0.5);
        return baseLoad + morning + daytime + dinner + lights + dishwasher;
    }

    /// <summary>PV output in watts at <paramref name="instant"/>: zero at night, long strong days in summer.</summary>
    public double SolarWatts(DateTimeOffset instant)
    {
        if (SolarPeakWatts <= 0)
        {
            return 0;
        }

        var (hour, days, _) = Local(instant);
        var summer = 1 - Winterness(days);
        var dayLength = 8 + (8.5 * summer);
        var noon = 13.6 - (0.9 * (1 - summer));
        var position = (hour - (noon - (dayLength / 2))) / dayLength;
        return position is <= 0 or >= 1 ? 0 : SolarPeakWatts * (0.35 + (0.55 * summer)) * Math.Pow(Math.Sin(Math.PI * position), 1.6);
    }

    /// <summary>Gas consumption in m3 per hour: heating (more in winter, mornings and evenings) plus hot water.</summary>
    public double GasCubicMetresPerHour(DateTimeOffset instant)
    {
        var (hour, days, weekend) = Local(instant);
        var winter = Winterness(days);
        var heatingDay = WinterGasPerDay * Math.Max(0, winter - 0.15) / 0.85;
        var heating = heatingDay / 24 * ((0.4 * Window(hour, 6.5, 22.5)) + (1.8 * Bump(hour, 7, 0.8)) + (1.2 * Bump(hour, 18.5, 1.5)) + 0.25);
        var shower = 0.9 * Bump(hour, weekend ? 9 : 7.4, 0.25);
        var cooking = 0.25 * Bump(hour, 18, 0.4);
        return heating + shower + cooking;
    }

    /// <summary>Water use on a typical day, m3 (about 110 litres a person).</summary>
    public double WaterPerDay { get; init; } = 0.33;

    /// <summary>Cold water use in m3 per hour: showers in the morning, cooking and dishes in the evening.</summary>
    public double WaterCubicMetresPerHour(DateTimeOffset instant)
    {
        var (hour, _, weekend) = Local(instant);

        // The shape integrates to about 0.33 m3 a day; scale it to the household.
        var shape = 0.001 + (0.09 * Bump(hour, weekend ? 9 : 7.4, 0.4)) + (0.03 * Bump(hour, 13, 2)) + (0.07 * Bump(hour, 19.5, 1.2));
        return shape * WaterPerDay / 0.33;
    }

    /// <summary>1 in late January, 0 in late July, smooth in between.</summary>
    private static double Winterness(double days) => 0.5 + (0.5 * Math.Cos(2 * Math.PI * (days - 25) / DaysPerYear));

    private static (double Hour, double DayOfYear, bool Weekend) Local(DateTimeOffset instant)
    {
        var local = CentralEuropeanTime.ToMeterTime(instant).DateTime;
        return (local.TimeOfDay.TotalHours, local.DayOfYear + local.TimeOfDay.TotalDays, local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    private static double Bump(double hour, double centre, double width)
    {
        var distance = Math.Abs(hour - centre) % 24;
        distance = Math.Min(distance, 24 - distance);
        return Math.Exp(-0.5 * distance * distance / (width * width));
    }

    private static double Window(double hour, double start, double end) =>
        1 / (1 + Math.Exp(-(hour - start) / 0.3)) / (1 + Math.Exp(-(end - hour) / 0.3));
}
