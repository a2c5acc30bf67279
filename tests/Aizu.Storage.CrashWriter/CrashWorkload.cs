namespace Aizu.Storage.CrashWriter;

/// <summary>
/// The readings the crash writer stores, shared with the test that checks them: every value is a
/// function of its series and second, so a reading stored twice (late, duplicate) has one right value.
/// </summary>
public static class CrashWorkload
{
    /// <summary>Second 0 of the workload.</summary>
    public static readonly DateTimeOffset Origin = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Integer watts (scaled-integer chunks), fractional amperes (XOR chunks) and a kWh register (energy rollups).</summary>
    public static IReadOnlyList<(string Series, string Unit)> Series { get; } =
    [
        (SeriesNames.ElectricPower, Units.Watt),
        (SeriesNames.ElectricCurrentR, Units.Ampere),
        (SeriesNames.ElectricImportEnergy, Units.KilowattHour),
    ];

    /// <summary>The value series <paramref name="index"/> has at <paramref name="second"/>.</summary>
    public static double Value(int index, long second) => index switch
    {
        0 => 300 + ((second * 7_919) % 1_000),
        1 => (((second * 31) % 500) / 7.0) + 0.01,
        _ => 1_000 + (second * 0.001),
    };

    /// <summary>All series' readings at <paramref name="second"/>.</summary>
    public static IEnumerable<Reading> At(long second) =>
        Series.Select((s, i) => new Reading(s.Series, Origin.AddSeconds(second), Value(i, second), s.Unit));
}
