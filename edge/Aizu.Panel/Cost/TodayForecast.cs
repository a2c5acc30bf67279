namespace Aizu.Panel;

/// <summary>The whole day projected: energy, net cost and how the rest of the day was guessed.</summary>
public sealed record TodayForecast(
    decimal ImportKWh,
    decimal ExportKWh,
    decimal Net,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ForecastMethod>))] ForecastMethod Method,
    DateOnly? Reference);
