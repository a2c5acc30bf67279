namespace Aizu.Panel.Benchmarks;

/// <summary>
/// A Japanese household's stored history: power every 10 s (a B-route poll), the import register every
/// 30 minutes, and temperature, humidity and CO2 of two rooms every minute, for the given months up to now.
/// Deterministic (seeded), so runs compare.
/// </summary>
internal static class HouseholdHistory
{
    private const int BatchSize = 20_000;

    public static async Task<long> WriteAsync(ReadingStore store, DateTimeOffset end, int months, CancellationToken cancellationToken)
    {
        var start = end.AddMonths(-months);
        var random = new Random(20261125);
        var batch = new List<Reading>(BatchSize + 16);
        long written = 0;
        double register = 10_000;
        double energySinceLastRegister = 0;
        string[] rooms = ["living", "bedroom"];
        for (var t = start; t < end; t = t.AddSeconds(10))
        {
            var local = t.ToOffset(TimeSpan.FromHours(9));
            double hour = local.Hour + (local.Minute / 60.0);
            double cooking = (hour is >= 7 and < 8) || (hour is >= 18 and < 19.5) ? 1500 : 0;
            double watts = Math.Max(80, 300 + cooking + (200 * Math.Sin(hour / 24 * 2 * Math.PI)) + (random.NextDouble() * 100));
            batch.Add(new Reading(SeriesNames.ElectricPower, t, Math.Round(watts), Units.Watt));
            energySinceLastRegister += watts * 10 / 3_600_000;
            if (t.Second == 0 && local.Minute % 30 == 0)
            {
                register += Math.Round(energySinceLastRegister, 1);
                energySinceLastRegister -= Math.Round(energySinceLastRegister, 1);
                batch.Add(new Reading(SeriesNames.ElectricImportEnergy, t, Math.Round(register, 1), Units.KilowattHour));
            }

            if (t.Second == 0)
            {
                foreach (var room in rooms)
                {
                    batch.Add(new Reading(SeriesNames.Indoor(room, IndoorQuantity.Temperature), t, Math.Round(20 + (3 * Math.Sin(hour / 24 * 2 * Math.PI)), 2), Units.DegreeCelsius));
                    batch.Add(new Reading(SeriesNames.Indoor(room, IndoorQuantity.Humidity), t, Math.Round(50 + (10 * Math.Cos(hour / 24 * 2 * Math.PI)), 1), Units.RelativeHumidityPercent));
                    batch.Add(new Reading(SeriesNames.Indoor(room, IndoorQuantity.Co2), t, Math.Round(600 + (400 * Math.Max(0, Math.Sin(hour / 24 * 2 * Math.PI)))), Units.PartsPerMillion));
                }
            }

            if (batch.Count >= BatchSize)
            {
                await store.AppendAsync(batch, cancellationToken);
                written += batch.Count;
                batch.Clear();
            }
        }

        await store.AppendAsync(batch, cancellationToken);
        return written + batch.Count;
    }
}
