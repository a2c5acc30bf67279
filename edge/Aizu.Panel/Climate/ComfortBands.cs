namespace Aizu.Panel;

/// <summary>
/// The comfort bands the climate screen colours values by. Basis: Japan's Building Sanitation Act
/// (建築物における衛生的環境の確保に関する法律, Cabinet Order art. 2; 18–28 °C since April 2022, 40–70 % RH,
/// CO2 ≤ 1000 ppm) with humidity narrowed to 40–60 %, where mould, mites and dry air are all least
/// of a problem, and CO2 above 1500 ppm counted as poor (the level at which air is commonly called stale
/// and drowsiness is reported; see docs/panel.md).
/// </summary>
internal sealed record ComfortBands(
    double TemperatureMin,
    double TemperatureMax,
    double HumidityMin,
    double HumidityMax,
    double Co2Good,
    double Co2Poor)
{
    public static ComfortBands Default { get; } = new(18, 28, 40, 60, 1000, 1500);

    /// <summary>"cold", "ok" or "hot".</summary>
    public string Temperature(double celsius) => celsius < TemperatureMin ? "cold" : celsius > TemperatureMax ? "hot" : "ok";

    /// <summary>"dry", "ok" or "humid".</summary>
    public string Humidity(double percent) => percent < HumidityMin ? "dry" : percent > HumidityMax ? "humid" : "ok";

    /// <summary>"good" (below 1000 ppm), "ventilate" (up to 1500 ppm) or "poor".</summary>
    public string Co2(double ppm) => ppm < Co2Good ? "good" : ppm <= Co2Poor ? "ventilate" : "poor";
}
