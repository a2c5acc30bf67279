namespace Aizu.Hardware.Dsmr.Tests;

public sealed class ParserTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    [Theory]
    [MemberData(nameof(CheckedTelegrams.All), MemberType = typeof(CheckedTelegrams))]
    public void RealTelegram_ChecksumAgreesWithThePublishedOne(string telegram)
    {
        var parsed = DsmrTelegramParser.Parse(RealTelegrams.Bytes(telegram));

        int bang = telegram.IndexOf('!', StringComparison.Ordinal);
        Assert.Equal(Convert.ToUInt16(telegram.Substring(bang + 1, 4), 16), parsed.Checksum);
    }

    [Fact]
    public void Crc16Arc_OfTheStandardCheckString_Is0xBB3D()
    {
        Assert.Equal(0xBB3D, DsmrCrc16.Compute("123456789"u8));
    }

    [Fact]
    public void Dsmr50_AllValuesInGatewayUnits()
    {
        var t = DsmrTelegramParser.Parse(RealTelegrams.Bytes(RealTelegrams.V50));

        Assert.Equal("ISk5\\2MT382-1000", t.Identification);
        Assert.Equal("ISk", t.Manufacturer);
        Assert.Equal("50", t.Version);
        Assert.Equal(new DateTimeOffset(2017, 1, 2, 19, 20, 2, Winter), t.Timestamp);
        Assert.Equal("K8EG004046395507", t.EquipmentId);
        Assert.Equal(4.426m, t.ImportTariff1);
        Assert.Equal(2.399m, t.ImportTariff2);
        Assert.Equal(2.444m, t.ExportTariff1);
        Assert.Equal(0m, t.ExportTariff2);
        Assert.Equal(6.825m, t.ImportEnergy);
        Assert.Equal(2.444m, t.ExportEnergy);
        Assert.Equal(2, t.Tariff);
        Assert.Equal(244m, t.PowerImport);
        Assert.Equal(244m, t.NetPower);
        Assert.Equal(new DsmrPhase(230.0m, 0.48m, 70m, 0m), t.L1);
        Assert.Equal(new DsmrPhase(230.0m, 0.44m, 32m, 0m), t.L2);
        Assert.Equal(new DsmrPhase(229.0m, 0.86m, 142m, 0m), t.L3);
        Assert.Equal(13, t.PowerFailures);
        Assert.Equal(0, t.LongPowerFailures);
        Assert.Empty(t.PowerFailureLog);
        var gas = Assert.Single(t.MBus);
        Assert.Equal(new MBusValue(1, MBusMedium.Gas, new DateTimeOffset(2017, 1, 2, 16, 10, 5, Winter), 0.107m, "m3", new ObisCode(0, 1, 24, 2, 1)), gas);
    }

    [Fact]
    public void Dsmr42_PowerFailureLog_KeepsRealEntriesAndSkipsOverflowingDurations()
    {
        var t = DsmrTelegramParser.Parse(RealTelegrams.Bytes(RealTelegrams.V42));

        Assert.Equal("42", t.Version);
        Assert.Equal(3016.829m, t.ImportEnergy);
        Assert.Equal(2027m, t.NetPower);
        Assert.Equal(new DsmrPhase(null, 6m, 1247m, 0m), t.L2);
        Assert.Equal(new PowerFailure(new DateTimeOffset(2000, 1, 4, 18, 3, 20, Winter), TimeSpan.FromSeconds(237126)), t.PowerFailureLog[0]);
        Assert.Equal(981.443m, Assert.Single(t.MBus).Value);
    }

    [Theory]
    [InlineData(RealTelegrams.V22)]
    [InlineData(RealTelegrams.V3)]
    public void Dsmr22And30_WithoutChecksum_GasFromTheTwoLineFormat(string telegram)
    {
        var t = DsmrTelegramParser.Parse(RealTelegrams.Bytes(telegram), DsmrParseOptions.WithoutChecksum);

        Assert.Null(t.Checksum);
        Assert.Null(t.Version);
        var gas = Assert.Single(t.MBus);
        Assert.Equal(MBusMedium.Gas, gas.Medium);
        Assert.Equal(1.001m, gas.Value);
        Assert.Equal("m3", gas.Unit);
        Assert.NotNull(gas.CapturedAt);
    }

    [Fact]
    public void Dsmr22_GasTimestampWithoutFlag_IsReadAsCentralEuropeanTime()
    {
        var t = DsmrTelegramParser.Parse(RealTelegrams.Bytes(RealTelegrams.V22), DsmrParseOptions.WithoutChecksum);

        // 7 November 2016 is winter time.
        Assert.Equal(new DateTimeOffset(2016, 11, 7, 19, 0, 0, Winter), t.MBus[0].CapturedAt);
        Assert.Equal(1010m, t.PowerImport);
    }

    [Fact]
    public void Dsmr22_WithStrictOptions_IsRejectedForMissingChecksum()
    {
        var ex = Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(RealTelegrams.Bytes(RealTelegrams.V22)));
        Assert.Equal(DsmrErrorKind.ChecksumMissing, ex.Kind);
    }

    [Fact]
    public void Luxembourg_RegistersInWhAndPowerInW_AreConverted()
    {
        var t = DsmrTelegramParser.Parse(RealTelegrams.Bytes(RealTelegrams.SagemcomT210));

        Assert.Equal(6545.766m, t.ImportTotalRegister);
        Assert.Equal(6545.766m, t.ImportEnergy);
        Assert.Equal(5017.120m, t.ImportTariff1);
        Assert.Equal(0.058m, t.ExportEnergy);
        Assert.Equal(286m, t.PowerImport);
        Assert.Equal(new DateTimeOffset(2022, 10, 6, 15, 50, 14, TimeSpan.FromHours(2)), t.Timestamp);
    }

    [Fact]
    public void BelgianEMucs_PeakDemandAndGasOn2423()
    {
        var t = DsmrTelegramParser.Parse(RealTelegrams.Bytes(RealTelegrams.FluviusEMucs));

        Assert.Equal("50217", t.Version);
        Assert.Equal("1SAG1100057729", t.EquipmentId);
        Assert.Equal(32m, t.AverageDemand);
        Assert.Equal(new PeakDemand(new DateTimeOffset(2022, 12, 3, 17, 45, 0, Winter), 3716m), t.MonthPeak);
        Assert.Equal(1, t.Tariff);
        Assert.Equal(7740.047m, t.ImportEnergy);
        Assert.Equal(new DsmrPhase(231.6m, 2.72m, 524m, 0m), t.L1);
        var gas = Assert.Single(t.MBus);
        Assert.Equal(new MBusValue(1, MBusMedium.Gas, new DateTimeOffset(2022, 12, 20, 20, 39, 58, Winter), 4761.307m, "m3", new ObisCode(0, 1, 24, 2, 3)), gas);
    }

    [Fact]
    public void WaterMeter_IsRecognisedByItsDeviceType()
    {
        var t = DsmrTelegramParser.Parse(WithCrc(
            "/FLU5\\253769484_A\r\n\r\n0-0:96.1.4(50217)\r\n0-2:24.1.0(007)\r\n0-2:24.2.1(200512134558S)(00872.234*m3)\r\n!"));

        var water = Assert.Single(t.MBus);
        Assert.Equal(MBusMedium.Water, water.Medium);
        Assert.Equal(2, water.Channel);
    }

    [Fact]
    public void UnusedMBusChannel_WithImpossibleDate_HasNoCaptureTime()
    {
        var t = DsmrTelegramParser.Parse(WithCrc("/ISK5\\2M550E-1012\r\n\r\n1-3:0.2.8(50)\r\n0-1:24.2.1(632525252525W)(00000.000)\r\n!"));

        Assert.Null(Assert.Single(t.MBus).CapturedAt);
    }

    [Fact]
    public void LowerCaseChecksumDigits_AreAccepted()
    {
        var t = DsmrTelegramParser.Parse(RealTelegrams.Bytes(RealTelegrams.KaifaWithPeakHistory));
        Assert.Equal<ushort?>(0xF2C9, t.Checksum);
        Assert.Contains(t.Objects, o => o.Obis == new ObisCode(0, 0, 98, 1, 0));
    }

    [Fact]
    public void WrongChecksum_IsRejectedSayingBothValues()
    {
        var bytes = RealTelegrams.Bytes(RealTelegrams.V50.Replace("!6EEE", "!6EEF", StringComparison.Ordinal));

        Assert.False(DsmrTelegramParser.TryParse(bytes, null, out var telegram, out var error));
        Assert.Null(telegram);
        Assert.Equal(DsmrErrorKind.ChecksumMismatch, error.Kind);
        Assert.Contains("6EEF", error.Message, StringComparison.Ordinal);
        Assert.Contains("6EEE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedValueUnderTheOldChecksum_IsRejected()
    {
        var bytes = RealTelegrams.Bytes(RealTelegrams.V50.Replace("000004.426", "000005.426", StringComparison.Ordinal));

        var ex = Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(bytes));
        Assert.Equal(DsmrErrorKind.ChecksumMismatch, ex.Kind);
    }

    [Fact]
    public void LfOnlyFile_ChecksumErrorHintsAtTheLineEnds()
    {
        var bytes = RealTelegrams.Bytes(RealTelegrams.V50.Replace("\r\n", "\n", StringComparison.Ordinal));

        var ex = Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(bytes));
        Assert.Contains("LF only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CutOffTelegram_IsRejectedAsCutOff()
    {
        var text = RealTelegrams.V50[..(RealTelegrams.V50.Length / 2)];

        var ex = Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(RealTelegrams.Bytes(text)));
        Assert.Equal(DsmrErrorKind.CutOff, ex.Kind);
    }

    [Fact]
    public void GarbledLine_WithoutChecksum_IsRejectedNamingTheLine()
    {
        var text = RealTelegrams.V22.Replace("1-0:1.8.2(00001.001*kWh)", "1-0:1.8.2(00001.0x1*kWh)", StringComparison.Ordinal);

        var ex = Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(RealTelegrams.Bytes(text), DsmrParseOptions.WithoutChecksum));
        Assert.Equal(DsmrErrorKind.Garbled, ex.Kind);
        Assert.Contains("1-0:1.8.2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingObisGroup_UnderAGoodChecksum_IsSkippedAndTheRestIsUsed()
    {
        // From esphome-libs/dsmr_parser's "crc of a package is incorrect" case, with a fresh CRC so only the syntax is wrong.
        var t = DsmrTelegramParser.Parse(WithCrc("/KFM5KAIFA-METER\r\n\r\n1-0:.8.1(000671.578*kWh)\r\n1-0:1.7.0(00.318*kW)\r\n!"));

        Assert.Equal(318m, t.PowerImport);
        Assert.Null(t.ImportTariff1);
        Assert.Contains("Line 3", Assert.Single(t.SkippedObjects), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingObisGroup_WithoutChecksum_RejectsTheTelegramNamingTheLine()
    {
        var bytes = Encoding.ASCII.GetBytes("/KFM5KAIFA-METER\r\n\r\n1-0:.8.1(000671.578*kWh)\r\n1-0:1.7.0(00.318*kW)\r\n!\r\n");

        var ex = Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(bytes, DsmrParseOptions.WithoutChecksum));
        Assert.Equal(DsmrErrorKind.Garbled, ex.Kind);
        Assert.Contains("Line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongUnit_UnderAGoodChecksum_SkipsOnlyThatObject()
    {
        var t = DsmrTelegramParser.Parse(WithCrc("/AAA5MTR\r\n\r\n1-0:1.7.0(00.318*kVA)\r\n1-0:1.8.1(000671.578*kWh)\r\n!"));

        Assert.Null(t.PowerImport);
        Assert.Equal(671.578m, t.ImportTariff1);
        Assert.Contains("1-0:1.7.0", Assert.Single(t.SkippedObjects), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1-0:1.8.2(999999999999999999999999999999.999*kWh)")]
    [InlineData("1-0:1.8.2(0#0671.578*kWh)")]
    public void UnreadableTariffRegister_UnderAGoodChecksum_LeavesTheTotalUnknown_NotTheOtherTariffAlone(string tariffTwo)
    {
        var readout = new DsmrReadout();
        var telegram = WithCrc($"/AAA5MTR\r\n\r\n1-0:1.8.1(000671.578*kWh)\r\n{tariffTwo}\r\n1-0:2.8.1(000001.000*kWh)\r\n1-0:2.8.2(000002.000*kWh)\r\n!");

        Assert.True(DsmrTelegramParser.TryParse(telegram, DsmrParseOptions.Strict, readout, out _));

        // Stored as the total, the first tariff alone would be a register that drops by the second's count.
        Assert.Equal(671.578m, readout.ImportTariff1);
        Assert.Null(readout.ImportTariff2);
        Assert.Null(readout.ImportEnergy);
        Assert.Equal(3m, readout.ExportEnergy);
        Assert.Contains("1-0:1.8.2", Assert.Single(readout.SkippedObjects), StringComparison.Ordinal);

        // The next telegram of the same readout, whole again, has its total.
        Assert.True(DsmrTelegramParser.TryParse(WithCrc("/AAA5MTR\r\n\r\n1-0:1.8.1(000671.578*kWh)\r\n1-0:1.8.2(000001.000*kWh)\r\n!"), DsmrParseOptions.Strict, readout, out _));
        Assert.Equal(672.578m, readout.ImportEnergy);
    }

    [Fact]
    public void DuplicateObject_KeepsTheFirstAndSkipsTheSecond()
    {
        var t = DsmrTelegramParser.Parse(WithCrc("/AAA5MTR\r\n\r\n1-0:1.7.0(00.100*kW)\r\n1-0:1.7.0(00.200*kW)\r\n!"));

        Assert.Equal(100m, t.PowerImport);
        Assert.Contains("twice", Assert.Single(t.SkippedObjects), StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateObject_WithoutChecksum_IsRejected()
    {
        var bytes = Encoding.ASCII.GetBytes("/AAA5MTR\r\n\r\n1-0:1.7.0(00.100*kW)\r\n1-0:1.7.0(00.200*kW)\r\n!\r\n");

        Assert.Equal(DsmrErrorKind.Duplicate, Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(bytes, DsmrParseOptions.WithoutChecksum)).Kind);
    }

    [Fact]
    public void LowerCaseDstFlag_OnTheGasTime_IsReadAndNothingIsSkipped()
    {
        // Landis+Gyr 350 DSMR 4.0 (dsmrreader/dsmr-reader, test_landisgyr350_dsmr40.py): "(150701190000s)".
        var t = DsmrTelegramParser.Parse(WithCrc(
            "/XMX5LGBBFFB123456789\r\n\r\n1-3:0.2.8(40)\r\n1-0:1.8.1(000510.747*kWh)\r\n0-1:24.1.0(003)\r\n0-1:24.2.1(150701190000s)(00845.206*m3)\r\n!"));

        Assert.Empty(t.SkippedObjects);
        Assert.Equal(510.747m, t.ImportTariff1);
        var gas = Assert.Single(t.MBus);
        Assert.Equal(new DateTimeOffset(2015, 7, 1, 19, 0, 0, TimeSpan.FromHours(2)), gas.CapturedAt);
        Assert.Equal(845.206m, gas.Value);
    }

    [Fact]
    public void BareHeader_WithoutMeterType_IsAccepted()
    {
        var t = DsmrTelegramParser.Parse(WithCrc("/KAM5\r\n\r\n1-0:1.8.0(00001234.567*kWh)\r\n!"));

        Assert.Equal("KAM5", t.Identification);
        Assert.Equal("KAM", t.Manufacturer);
        Assert.Equal(1234.567m, t.ImportEnergy);
    }

    [Fact]
    public void LinesAfterTheChecksumLine_AreIgnored()
    {
        var bytes = WithCrc("/AAA5MTR\r\n\r\n1-0:1.7.0(00.100*kW)\r\n!").Concat(Encoding.ASCII.GetBytes("wifi-p1 rssi -61\r\n\r\n")).ToArray();

        Assert.Equal(100m, DsmrTelegramParser.Parse(bytes).PowerImport);
    }

    [Fact]
    public void TwoGasMeters_AreTwoChannels_AndAnEmptySlotHasNoCaptureTime()
    {
        var t = DsmrTelegramParser.Parse(WithCrc(
            "/FLU5\\253769484_A\r\n\r\n0-0:96.1.4(50217)\r\n" +
            "0-1:24.1.0(003)\r\n0-1:24.2.3(230101120000W)(00100.000*m3)\r\n" +
            "0-2:24.1.0(003)\r\n0-2:24.2.3(230101120500W)(00200.000*m3)\r\n" +
            "0-3:24.1.0(003)\r\n0-3:24.2.3(700101000000W)(00000.000*m3)\r\n!"));

        Assert.Equal([1, 2, 3], t.MBus.Select(m => m.Channel));
        Assert.Equal([100m, 200m, 0m], t.MBus.Select(m => m.Value));
        Assert.NotNull(t.MBus[1].CapturedAt);
        Assert.Null(t.MBus[2].CapturedAt);
    }

    [Fact]
    public void PlaceholderPowerFailures_AreNotOutages()
    {
        var t = DsmrTelegramParser.Parse(RealTelegrams.Bytes(RealTelegrams.V42));

        // The log's other two entries last 2^31 s (68 years) from 2000-01-01: unused slots.
        var failure = Assert.Single(t.PowerFailureLog);
        Assert.Equal(TimeSpan.FromSeconds(237126), failure.Duration);
    }

    [Fact]
    public void Version50WithoutChecksum_IsRejectedEvenWhenChecksumsAreOptional()
    {
        var text = RealTelegrams.V50.Replace("!6EEE", "!", StringComparison.Ordinal);

        var ex = Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(RealTelegrams.Bytes(text), DsmrParseOptions.WithoutChecksum));
        Assert.Equal(DsmrErrorKind.ChecksumMissing, ex.Kind);
    }

    [Fact]
    public void UnpaddedChecksum_IsCheckedAsTheNumberItWrites()
    {
        // A Warmtelink heat meter writes its CRC without the leading zero: "!B9F" (ndokter/dsmr_parser TELEGRAM_UNPADDED_CRC).
        var text = "/NWA-WARMTELINK\r\n\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(260215200523W)\r\n0-0:96.1.1(ADC3100000158491)\r\n0-0:96.13.1()\r\n0-0:96.13.0()\r\n" +
            "0-1:24.1.0(004)\r\n0-1:96.1.0(621848012D2C0B0C)\r\n0-1:24.2.1(260215200523W)(240.860*GJ)\r\n!B9F\r\n";

        var t = DsmrTelegramParser.Parse(Encoding.ASCII.GetBytes(text));
        Assert.Equal<ushort?>(0xB9F, t.Checksum);
        Assert.Equal(MBusMedium.Heat, Assert.Single(t.MBus).Medium);

        var wrong = RealTelegrams.V50.Replace("!6EEE", "!6EE", StringComparison.Ordinal);
        Assert.Equal(DsmrErrorKind.ChecksumMismatch, Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(RealTelegrams.Bytes(wrong))).Kind);
    }

    [Theory]
    [InlineData("!6EEEE\r\n")]
    [InlineData("!6EEE garbage\r\n")]
    [InlineData("!\r6EE\r\n")]
    public void MalformedChecksumLine_IsRejected(string trailer)
    {
        var text = RealTelegrams.V50.Replace("!6EEE\r\n", trailer, StringComparison.Ordinal);

        Assert.Equal(DsmrErrorKind.MalformedChecksum, Assert.Throws<DsmrFormatException>(() => DsmrTelegramParser.Parse(RealTelegrams.Bytes(text))).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ISk5")]
    [InlineData("/!")]
    [InlineData("/a!")]
    [InlineData("/ab\r\n!")]
    public void Fragments_AreRejectedWithTheParsersOwnError(string text)
    {
        Assert.False(DsmrTelegramParser.TryParse(Encoding.ASCII.GetBytes(text), DsmrParseOptions.WithoutChecksum, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    /// <summary>Appends the correct CRC to a telegram that ends with '!'.</summary>
    internal static byte[] WithCrc(string upToBang)
    {
        ushort crc = DsmrCrc16.Compute(Encoding.ASCII.GetBytes(upToBang));
        return Encoding.ASCII.GetBytes($"{upToBang}{crc:X4}\r\n");
    }
}
