namespace Aizu.Hardware.Sml.Tests;

/// <summary>Real meters' ways of sending power, a DZG firmware bug, and values that cannot be used.</summary>
public sealed class QuirkAndPowerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void DzgDvs74_InTheAffectedSerialRange_PowerIsReadAsUnsigned()
    {
        // The submitter of this capture states: "Wrongly encoded power value 356.24 as -299.12".
        var power = Entry("DZG_DVS-7412.2_jmberg.bin", 16);

        Assert.Equal(356.24m, power.ScaledValue);
    }

    [Theory]
    [InlineData("dzg_dwsb20_2th_2byte.bin", -310.64)]
    [InlineData("DZG_DVS-7420.2V.G2_mtr2_neg.bin", -105.5)]
    public void OtherDzgMeters_KeepTheirRealNegativePower(string file, double watts)
    {
        Assert.Equal((decimal)watts, Entry(file, 16).ScaledValue);
    }

    [Theory]
    [InlineData("EMH-ED300L_consumption.bin", 137.1, "15.7.0 absolute, status says import")]
    [InlineData("EMH-ED300L_delivery.bin", -126.6, "15.7.0 absolute, status says export")]
    [InlineData("EMH_eHZ-GW8E2A500AK2.bin", 13.8, "1.7.0")]
    [InlineData("EMH_eHZ361L5R.bin", -5632.1916, "1.7.1, signed")]
    [InlineData("EMH_mME40-AE6AKF0K0.bin", 2623, "16.7.0 wins over the phases")]
    public void PowerFromWhicheverObjectTheMeterSends(string file, double watts, string why)
    {
        var readings = Map(First(file));

        Assert.True(Assert.Single(readings, r => r.Series == SeriesNames.ElectricPower).Value == watts, why);
    }

    [Fact]
    public void PhasesOnly_PowerIsTheirSum()
    {
        var entries = new List<SmlListEntry>
        {
            Power(36, 100), Power(56, -30), Power(76, 5),
        };

        Assert.Equal(75m, SmlActivePower.Select(entries)?.Watts);
    }

    [Fact]
    public void OverflowingScaler_WithAValidCrc_SkipsThatValueAndStoresTheRest()
    {
        // Holley DTZ541: 1-0:1.8.0 with unit Wh (62 1e) and scaler -1 (52 ff) becomes scaler +127.
        string hex = Convert.ToHexString(SmlTransport.Unwrap(RealFiles.Bytes(RealFiles.Holley)));
        string changed = hex.Replace("0100010800FF65001C81046502DBA23D621E52FF", "0100010800FF65001C81046502DBA23D621E527F", StringComparison.Ordinal);
        Assert.NotEqual(hex, changed);
        var frame = SmlTransport.Wrap(Convert.FromHexString(changed));

        var file = SmlFileParser.ParseFrame(frame);
        var import = file.Entries.Single(e => e.Obis is { C: 1, D: 8, E: 0 });
        Assert.Null(import.ScaledValue);
        Assert.True(import.IsUnusable);
        Assert.Contains("too large", SmlFileDescriber.Describe(frame), StringComparison.Ordinal);

        var skipped = new List<SkippedValue>();
        var readings = new List<Reading>();
        var mapper = new SmlReadingMapper(Every);
        Assert.True(mapper.Map(file, Now, readings, skipped));
        Assert.True(mapper.Map(file, Now.AddSeconds(1), readings, skipped));

        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, s => Assert.Equal("1-0:1.8.0*255", s.Kind));
        Assert.Contains("does not fit a number", skipped[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(readings, r => r.Series == SeriesNames.ElectricImportEnergy);
        Assert.Contains(readings, r => r.Series == SeriesNames.ElectricExportEnergy);
        Assert.Contains(readings, r => r.Series == SeriesNames.ElectricPower && r.Value == 137);
    }

    private static readonly SmlOptions Every = new() { PowerInterval = TimeSpan.Zero, EnergyInterval = TimeSpan.Zero };

    private static SmlListEntry Power(byte c, int watts) =>
        new([1, 0, c, 7, 0, 255], null, null, SmlUnits.Watt, 0, new SmlValue(SmlValueKind.SignedInteger, Number: watts), null);

    private static SmlFile First(string file) =>
        SmlCorpus.Frames(SmlCorpus.Bytes(file)).Select(f => SmlFileParser.TryParseFrame(f, out var parsed, out _) ? parsed : null).OfType<SmlFile>().First();

    private static SmlListEntry Entry(string file, byte c) => First(file).Entries.Single(e => e.Obis is { A: 1, B: 0, D: 7, E: 0 } o && o.C == c);

    private static List<Reading> Map(SmlFile file)
    {
        var readings = new List<Reading>();
        Assert.True(new SmlReadingMapper(Every).Map(file, Now, readings, []));
        return readings;
    }
}
