namespace Aizu.Hardware.Dsmr.Tests;

public sealed class DescriberTests
{
    [Fact]
    public void Describe_Dsmr5_ShowsEveryObjectAndASummary()
    {
        string text = DsmrTelegramDescriber.Describe(RealTelegrams.Bytes(RealTelegrams.V50));
        var lines = text.Split('\n');

        Assert.StartsWith("DSMR P1 telegram, ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("CRC 6EEE (correct)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("ISk5\\2MT382-1000 (manufacturer ISk), P1 version 5.0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2017-01-02 19:20:02 +01:00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("1-0:1.8.1", StringComparison.Ordinal) && l.Contains("energy imported, tariff 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Import", StringComparison.Ordinal) && l.Contains("6.825 kWh (tariff 1 4.426 + tariff 2 2.399)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Gas", StringComparison.Ordinal) && l.Contains("0.107 m3 at 2017-01-02 16:10:05 +01:00 (M-Bus channel 1)", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', text);
        Assert.False(text.EndsWith('\n'));
    }

    [Fact]
    public void Describe_Dsmr22_SaysThereIsNoCrc()
    {
        string text = DsmrTelegramDescriber.Describe(RealTelegrams.Bytes(RealTelegrams.V22));
        Assert.Contains("no CRC (DSMR 2.2/3)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EMucs_ShowsThePeak()
    {
        string text = DsmrTelegramDescriber.Describe(RealTelegrams.Bytes(RealTelegrams.FluviusEMucs));
        Assert.Contains("3716 W this month, at 2022-12-03 17:45:00 +01:00", text, StringComparison.Ordinal);
        Assert.Contains("e-MUCS 1.7 (DSMR 5.0.2; version code 50217)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("P1 version 50217", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_PlaceholderFailureLogEntries_AreNotShownAsOutages()
    {
        string text = DsmrTelegramDescriber.Describe(RealTelegrams.Bytes(RealTelegrams.V42));

        var outage = Assert.Single(text.Split('\n'), l => l.Contains("Outage", StringComparison.Ordinal));
        Assert.Contains("lasted 2.17:52:06", outage, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_DamagedTelegram_ThrowsWithTheReason()
    {
        var ex = Assert.Throws<DsmrFormatException>(() => DsmrTelegramDescriber.Describe(RealTelegrams.Bytes(RealTelegrams.V42.Replace("!6796", "!6797", StringComparison.Ordinal))));
        Assert.Contains("CRC mismatch", ex.Message, StringComparison.Ordinal);
    }
}
