namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// The electricity use of a Japanese household of two to four people, about 8–12 kWh a day: a fridge and standby base
/// load, a breakfast peak (rice cooker, kettle, microwave), a quiet weekday daytime, an evening peak (cooking, then
/// lights, TV and the bath's hair dryer), and air conditioning on summer and winter evenings and nights. Weekends are
/// busier during the day. Optionally a rooftop PV system's output, for meters that also count export.
/// </summary>
/// <remarks>
/// The curve is a deterministic, smooth function of the local (Japan Standard Time) clock: the same instant always gives
/// the same watts, so every energy a simulated meter reports can be recomputed exactly. Seasons come from the date
/// through a Tokyo-like temperature curve (about 6 °C at the end of January, 26 °C at the start of August).
/// </remarks>
public sealed class HouseholdLoadProfile
{
    private const double DaysPerYear = 365.2425;

    // Only a reference point for the seasonal phase; any past date would do.
    private static readonly DateTime SeasonEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly MinuteEnergyIntegral consumption;

    /// <summary>Creates the profile.</summary>
    public HouseholdLoadProfile() => consumption = new MinuteEnergyIntegral(PowerWatts);

    /// <summary>Always-on consumption in watts: the fridge's average draw plus standby loads (routers, TV, toilet seat
    /// heater). The default suits a family flat; the daily totals quoted above assume it.</summary>
    public double BaseLoadWatts { get; init; } = 158;

    /// <summary>Peak output of the rooftop PV system <see cref="SolarWatts"/> describes (4 kW, a typical Japanese
    /// residential system). Only meters with export enabled use it.</summary>
    public double SolarPeakWatts { get; init; } = 4000;

    /// <summary>The household's consumption in watts at a Japan local time.</summary>
    public double PowerWatts(DateTime japanLocalTime)
    {
        var hour = japanLocalTime.TimeOfDay.TotalHours;
        var days = (japanLocalTime - SeasonEpoch).TotalDays;
        var temperature = 16 + (10 * Math.Cos(2 * Math.PI * (days - 212) / DaysPerYear));
        var cooling = SmoothStep((temperature - 21) / 5);
        var heating = SmoothStep((13 - temperature) / 6);
        var summerness = Math.Cos(2 * Math.PI * (days - 172) / DaysPerYear);
        var weekend = japanLocalTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

        // Fridge compressor cycling (about 48 minutes) on top of standby loads; the fridge works harder in summer.
        var baseLoad = BaseLoadWatts + (20 * cooling) + (12 * Math.Sin(2 * Math.PI * hour / 0.8));

        // Breakfast: the rice cooker starts before people get up; everyone is up later at weekends.
        var breakfast = weekend ? 7.6 : 6.9;
        var morning = (800 * Bump(hour, breakfast, 0.5)) + (250 * Bump(hour, breakfast - 0.5, 0.2));

        var daytime = weekend
            ? (180 * Bump(hour, 13.0, 2.0)) + (200 * Bump(hour, 10.0, 0.5))
            : 60 * Window(hour, 9.0, 16.5, 0.4);

        // Lights go on at dusk, which is about two hours later in June than in December.
        var dusk = 18.2 + (0.9 * summerness);
        var evening = (900 * Bump(hour, 18.7, 0.55))
            + (300 * Window(hour, dusk - 0.5, 22.8, 0.35))
            + (350 * Bump(hour, 21.9, 0.3));

        var airConditioning =
            (cooling * ((200 * Bump(hour, 20.5, 1.5)) + (100 * Window(hour, 23.0, 30.0, 0.5)) + (weekend ? 60 * Bump(hour, 14.0, 2.0) : 0)))
            + (heating * ((400 * Bump(hour, 7.0, 0.8)) + (330 * Bump(hour, 20.0, 1.5)) + (weekend ? 60 * Bump(hour, 14.0, 2.0) : 0)));

        return baseLoad + morning + daytime + evening + airConditioning;
    }

    /// <summary>
    /// Output in watts of a south-facing rooftop PV system of <see cref="SolarPeakWatts"/> at a Japan local time:
    /// zero at night, longer and stronger days in summer, and a cloudiness that differs from day to day but is fixed
    /// for a given date.
    /// </summary>
    public double SolarWatts(DateTime japanLocalTime)
    {
        var hour = japanLocalTime.TimeOfDay.TotalHours;
        var days = (japanLocalTime - SeasonEpoch).TotalDays;
        var summerness = Math.Cos(2 * Math.PI * (days - 172) / DaysPerYear);
        var dayLength = 11.5 + (2.5 * summerness);
        var position = (hour - (11.75 - (dayLength / 2))) / dayLength;
        if (position is <= 0 or >= 1)
        {
            return 0;
        }

        // A hash of the date stands in for the weather, so a replayed day has the same clouds.
        var dayNumber = Math.Floor(days);
        var hash = Math.Sin(dayNumber * 12.9898) * 43758.5453;
        var clearness = 0.35 + (0.65 * (hash - Math.Floor(hash)));
        return SolarPeakWatts * (0.8 + (0.2 * summerness)) * clearness * Math.Pow(Math.Sin(Math.PI * position), 1.5);
    }

    /// <summary>
    /// Energy in kWh consumed between two Japan local times, integrated at one-minute resolution. Per-day totals are
    /// cached, so a span of months costs little after the first call.
    /// </summary>
    public double EnergyKilowattHours(DateTime fromJapanLocal, DateTime toJapanLocal) =>
        consumption.KilowattHours(fromJapanLocal, toJapanLocal);

    private static double SmoothStep(double x) => x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - (2 * x));

    /// <summary>A bell around <paramref name="centre"/> o'clock, measured around the clock so it never jumps at
    /// midnight.</summary>
    private static double Bump(double hour, double centre, double width)
    {
        var distance = Math.Abs(hour - centre) % 24;
        distance = Math.Min(distance, 24 - distance);
        return Math.Exp(-0.5 * distance * distance / (width * width));
    }

    /// <summary>A smooth on/off window from <paramref name="start"/> to <paramref name="end"/> o'clock (end may pass
    /// 24), repeated every day so it is continuous at midnight.</summary>
    private static double Window(double hour, double start, double end, double edge)
    {
        var sum = 0.0;
        for (var shift = -24; shift <= 24; shift += 24)
        {
            var h = hour + shift;
            sum += Logistic((h - start) / edge) * Logistic((end - h) / edge);
        }

        return sum;
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
