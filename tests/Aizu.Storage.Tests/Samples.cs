namespace Aizu.Storage.Tests;

internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static Reading Power(int secondsAfterT0, double watts, ReadingQuality quality = ReadingQuality.Good) =>
        new(SeriesNames.ElectricPower, T0.AddSeconds(secondsAfterT0), watts, Units.Watt, quality);

    public static Reading Import(int minutesAfterT0, double kWh, ReadingQuality quality = ReadingQuality.Good) =>
        new(SeriesNames.ElectricImportEnergy, T0.AddMinutes(minutesAfterT0), kWh, Units.KilowattHour, quality);
}
