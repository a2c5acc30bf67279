using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aizu.Tariffs.Tests;

/// <summary>The tariffs of <c>docs/examples/tariffs/</c>, bound the way the gateway binds them.</summary>
internal static class Examples
{
    public const string JapanTiered = "jp-tiered.json";
    public const string JapanTimeOfUse = "jp-time-of-use.json";
    public const string EuropeFlat = "eu-flat-export.json";

    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static IConfigurationSection Section(string file) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Examples", file), optional: false)
        .Build()
        .GetSection("Aizu:Tariff");

    public static Tariff Load(string file)
    {
        using var provider = new ServiceCollection().AddAizuTariffs(Section(file)).BuildServiceProvider();
        return provider.GetRequiredService<Tariff>();
    }

    public static TariffCalculator Calculator(string file) => new(Load(file));
}
