namespace Aizu.Tariffs.Tests;

/// <summary>The tariffs of <c>docs/examples/tariffs/</c>, bound the way the gateway binds them.</summary>
internal static class Examples
{
    public const string JapanTiered = "jp-tiered.json";
    public const string JapanTimeOfUse = "jp-time-of-use.json";
    public const string EuropeFlat = "eu-flat-export.json";

    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static readonly HouseholdCalendar TokyoCalendar = new(Tokyo);

    public static IConfiguration Configuration(string file) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Examples", file), optional: false)
        .Build();

    /// <summary>The household and tariff sections of <paramref name="file"/>, registered as the gateway registers them.</summary>
    public static IServiceCollection Services(string file)
    {
        var configuration = Configuration(file);
        return new ServiceCollection()
            .AddAizuHousehold(configuration.GetSection(HouseholdOptions.SectionName))
            .AddAizuTariffs(configuration.GetSection(TariffOptions.SectionName));
    }

    public static Tariff Load(string file)
    {
        using var provider = Services(file).BuildServiceProvider();
        return provider.GetRequiredService<Tariff>();
    }

    public static TariffCalculator Calculator(string file) => new(Load(file));
}
