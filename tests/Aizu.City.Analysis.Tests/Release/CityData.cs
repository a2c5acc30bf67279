namespace Aizu.City.Analysis.Tests;

/// <summary>Simulated households with known ground truth: who lives where, what each used in every hour.</summary>
internal sealed class CityData
{
    public static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public List<HouseholdWindow> Windows { get; } = [];

    /// <summary>Adds <paramref name="count"/> households of <paramref name="district"/> sending hourly windows of days [from, to).</summary>
    public CityData Households(string prefix, int count, string? district, DateOnly from, DateOnly to, Random random, int hourly = 500, double dominantFactor = 0)
    {
        for (var i = 0; i < count; i++)
        {
            var household = $"{prefix}-{i:000}";
            var factor = i == 0 && dominantFactor > 0 ? dominantFactor : 1;
            for (var day = from; day < to; day = day.AddDays(1))
            {
                for (var hour = 0; hour < 24; hour++)
                {
                    var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Japan);
                    var energy = (decimal)Math.Round(random.Next(hourly / 2, hourly * 3 / 2) * factor, 1);
                    Windows.Add(new HouseholdWindow(household, district, start, energy, $"ref-{household}"));
                }
            }
        }

        return this;
    }

    /// <summary>The true energy, households and largest household share of an area over local days [from, to), one hour or all.</summary>
    public (decimal Energy, int Households, decimal LargestShare) Truth(string area, DateOnly from, DateOnly to, int? hour = null)
    {
        var byHousehold = Windows
            .Where(w => InArea(area, w.District))
            .Where(w =>
            {
                var local = w.Start.ToOffset(Japan);
                var day = DateOnly.FromDateTime(local.DateTime);
                return day >= from && day < to && (hour is null || local.Hour == hour);
            })
            .GroupBy(w => w.Household)
            .Select(g => g.Sum(w => w.EnergyWh))
            .ToList();
        var energy = byHousehold.Sum();
        return (energy, byHousehold.Count, energy == 0 ? 0 : byHousehold.DefaultIfEmpty(0).Max() / energy);
    }

    // Written out here rather than borrowed from the library, so the truth does not share its mistakes.
    private static bool InArea(string area, string? district)
    {
        if (area.Length == 0)
        {
            return true;
        }

        if (area == "*")
        {
            return district is null;
        }

        if (area.EndsWith("/*", StringComparison.Ordinal))
        {
            return district == area[..^2];
        }

        return district is not null && (district == area || district.StartsWith(area + "/", StringComparison.Ordinal));
    }
}
