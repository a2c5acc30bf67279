namespace Aizu.Hardware.Sml.Tests;

/// <summary>Every real capture in the corpus decodes, and gives the values its manifest entry states.</summary>
public sealed class CorpusTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TheoryData<string> Files => SmlCorpus.Files;

    [Theory]
    [MemberData(nameof(Files))]
    public void Capture_DecodesAndGivesTheStatedValues(string file)
    {
        var entry = SmlCorpus.Entry(file);
        var valid = SmlCorpus.Frames(SmlCorpus.Bytes(file)).Select(f => SmlFileParser.TryParseFrame(f, out var parsed, out _) ? parsed : null).OfType<SmlFile>().ToList();

        Assert.Equal(entry.GetProperty("frames").GetInt32(), valid.Count);
        if (valid.Count == 0)
        {
            return;
        }

        var readings = new List<Reading>();
        Assert.True(new SmlReadingMapper(new SmlOptions { PowerInterval = TimeSpan.Zero, EnergyInterval = TimeSpan.Zero }).Map(valid[0], Now, readings, []));
        var expected = entry.GetProperty("expected");
        Check(expected, "importWh", readings, SeriesNames.ElectricImportEnergy, 1000);
        Check(expected, "exportWh", readings, SeriesNames.ElectricExportEnergy, 1000);
        Check(expected, "importTariff1Wh", readings, SeriesNames.ElectricImportEnergyTariffOne, 1000);
        Check(expected, "importTariff2Wh", readings, SeriesNames.ElectricImportEnergyTariffTwo, 1000);
        Check(expected, "powerW", readings, SeriesNames.ElectricPower, 1);
        Assert.Equal(expected.TryGetProperty("powerW", out _), readings.Any(r => r.Series == SeriesNames.ElectricPower));
    }

    [Fact]
    public void Corpus_HasAtLeastFifteenMeterModels()
    {
        var models = SmlCorpus.Models();
        Assert.True(models.Count >= 15, string.Join(", ", models));
    }

    private static void Check(System.Text.Json.JsonElement expected, string name, List<Reading> readings, string series, double divisor)
    {
        if (!expected.TryGetProperty(name, out var value))
        {
            return;
        }

        double stated = double.Parse(value.GetString()!, CultureInfo.InvariantCulture) / divisor;
        Assert.Equal(stated, Assert.Single(readings, r => r.Series == series).Value, 6);
    }
}
