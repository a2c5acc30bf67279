namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// A plausible day in a lived-in Japanese home, by local time of day: cool at night, warmest mid-afternoon
/// (18–26 °C), drier when warm (35–65 %RH), CO2 rising while people are at home and falling while they
/// are out (450–1500 ppm), and pressure drifting slowly with the weather. Each room can be offset a
/// little so that rooms differ. Small measurement noise comes from the injected <see cref="Random"/>.
/// </summary>
public sealed class IndoorDayClimate : IIndoorClimate
{
    private const double OutdoorCo2 = 450;
    private const double Co2PerPerson = 330;
    private readonly Random _random;
    private readonly TimeZoneInfo _timeZone;
    private readonly double _temperatureOffset;
    private readonly object _randomGate = new();

    /// <summary>Creates the day model.</summary>
    /// <param name="random">Source of measurement noise (seeded in tests).</param>
    /// <param name="timeZone">The home's time zone; the day follows its clock.</param>
    /// <param name="temperatureOffset">How much warmer (°C) this room is than the house average; kept within the 18–26 °C band.</param>
    public IndoorDayClimate(Random random, TimeZoneInfo timeZone, double temperatureOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(timeZone);
        _random = random;
        _timeZone = timeZone;
        _temperatureOffset = temperatureOffset;
    }

    /// <summary>People at home at <paramref name="hour"/> (0–24, local): asleep at night, out during the day, all in the evening.</summary>
    public static double Occupancy(double hour)
    {
        // Piecewise linear so that CO2 and warmth change smoothly rather than in steps.
        ReadOnlySpan<(double Hour, double People)> schedule =
        [
            (0, 2), (6.5, 2), (7.5, 3), (8.5, 3), (9.5, 0.5), (16.5, 0.5), (18, 3), (23, 3), (24, 2),
        ];
        for (int i = 1; i < schedule.Length; i++)
        {
            if (hour <= schedule[i].Hour)
            {
                var (h0, p0) = schedule[i - 1];
                var (h1, p1) = schedule[i];
                return p0 + ((p1 - p0) * (hour - h0) / (h1 - h0));
            }
        }

        return schedule[^1].People;
    }

    /// <inheritdoc />
    public IndoorConditions At(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, _timeZone);
        double hour = local.TimeOfDay.TotalHours;
        double people = Occupancy(hour);

        // Warmest at 15:00, coolest at 03:00; people and cooking add a little.
        double daily = Math.Cos(2 * Math.PI * (hour - 15) / 24);
        double temperature = Math.Clamp(21.5 + (2.5 * daily) + (0.4 * people) + _temperatureOffset, 18, 26);
        double humidity = Math.Clamp(50 - (9 * daily) + (2.5 * people), 35, 65);

        // CO2 lags occupancy: the average head count over the past 90 minutes sets the level.
        double recent = 0;
        for (int i = 0; i < 6; i++)
        {
            recent += Occupancy(((hour - (i * 0.25)) % 24 + 24) % 24);
        }

        double co2 = Math.Clamp(OutdoorCo2 + (Co2PerPerson * recent / 6), 450, 1500);
        double days = time.ToUnixTimeSeconds() / 86_400.0;
        double pressure = 1012 + (6 * Math.Sin(2 * Math.PI * days / 3.5));

        double noise;
        lock (_randomGate)
        {
            noise = _random.NextDouble() - 0.5;
        }

        return new IndoorConditions(
            Math.Clamp(temperature + (0.1 * noise), 18, 26),
            Math.Clamp(humidity + (0.6 * noise), 35, 65),
            pressure + (0.2 * noise),
            Math.Clamp(co2 + (10 * noise), 450, 1500));
    }
}
