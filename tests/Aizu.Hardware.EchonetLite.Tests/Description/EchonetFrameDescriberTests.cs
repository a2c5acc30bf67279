namespace Aizu.Hardware.EchonetLite.Tests.Description;

/// <summary>
/// The text of <c>aizu decode</c>. Frames are the golden and captured ones of the codec tests (see
/// GoldenFrameTests and CapturedMeterFrameTests for their sources) plus a few built by hand for sentinels and the
/// SetGet family.
/// </summary>
public sealed class EchonetFrameDescriberTests
{
    private const string MeterToController = "10 81 00 01 02 88 01 05 FF 01";

    private static readonly string[] MeterHeaderLines =
    [
        "  EHD    10 81 (ECHONET Lite, specified message format)",
        "  TID    0x0001",
        "  SEOJ   0x028801 low-voltage smart electric energy meter, instance 1",
        "  DEOJ   0x05FF01 controller, instance 1",
    ];

    [Fact]
    public void Describe_GetResInstantaneousPower504_MatchesGolden()
    {
        string text = Describe("10 81 00 01 02 88 01 05 FF 01 72 01 E7 04 00 00 01 F8");

        Assert.Equal(
            Lines(
                "ECHONET Lite frame, 18 bytes",
                "  EHD    10 81 (ECHONET Lite, specified message format)",
                "  TID    0x0001",
                "  SEOJ   0x028801 low-voltage smart electric energy meter, instance 1",
                "  DEOJ   0x05FF01 controller, instance 1",
                "  ESV    0x72 Get_Res (property value read response)",
                "  OPC    1",
                "  EPC 0xE7 instantaneous electric power, PDC 4, EDT 000001F8 = 504 W"),
            text);
    }

    [Fact]
    public void Describe_GetRequest_NamesTheMeterAsDestinationAndShowsNoEdt()
    {
        string text = Describe("10 81 00 01 05 FF 01 02 88 01 62 01 E7 00");

        Assert.Equal(
            Lines(
                "ECHONET Lite frame, 14 bytes",
                "  EHD    10 81 (ECHONET Lite, specified message format)",
                "  TID    0x0001",
                "  SEOJ   0x05FF01 controller, instance 1",
                "  DEOJ   0x028801 low-voltage smart electric energy meter, instance 1",
                "  ESV    0x62 Get (property value read request)",
                "  OPC    1",
                "  EPC 0xE7 instantaneous electric power, PDC 0"),
            text);
    }

    [Fact]
    public void Describe_CapturedGetSna_SaysThePropertyIsNotAvailable()
    {
        string text = Describe(MeterToController + " 52 01 83 00");

        Assert.Equal(
            Lines(
                [
                    "ECHONET Lite frame, 14 bytes",
                    .. MeterHeaderLines,
                    "  ESV    0x52 Get_SNA (property value read request not possible response)",
                    "  OPC    1",
                    "  EPC 0x83 identification number, PDC 0 (not available)",
                ]),
            text);
    }

    [Fact]
    public void Describe_RegisterAndCumulativeInOneAnswer_DecodesD3D7E1AndE0InKilowattHours()
    {
        // The captured meter's D3, D7 and E0 in one Get_Res, with an E1 of 0.1 kWh so E0 can be shown in kWh.
        string text = Describe(MeterToController
            + " 72 04 D3 04 00 00 00 01 D7 01 06 E1 01 01 E0 04 00 00 FE 73");

        Assert.Equal(
            Lines(
                [
                    "ECHONET Lite frame, 30 bytes",
                    .. MeterHeaderLines,
                    "  ESV    0x72 Get_Res (property value read response)",
                    "  OPC    4",
                    "  EPC 0xD3 coefficient, PDC 4, EDT 00000001 = 1",
                    "  EPC 0xD7 number of effective digits for cumulative energy, PDC 1, EDT 06 = 6 digits (counts up to 999999, then 0)",
                    "  EPC 0xE1 unit for cumulative electric energy, PDC 1, EDT 01 = 0.1 kWh",
                    "  EPC 0xE0 cumulative electric energy, normal direction, PDC 4, EDT 0000FE73 = 65139 (6513.9 kWh)",
                ]),
            text);
    }

    [Fact]
    public void Describe_CumulativeWithCoefficient_MultipliesBeforeTheUnit()
    {
        string text = Describe(MeterToController + " 72 03 E0 04 00 00 00 7B D3 04 00 00 00 0A E1 01 02");

        Assert.Contains("EDT 0000007B = 123 (12.30 kWh)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_CumulativeWithoutUnit_ShowsTheCountOnly()
    {
        string text = Describe(MeterToController + " 72 01 E0 04 00 00 FE 73");

        Assert.EndsWith("EDT 0000FE73 = 65139", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnitCodes_ShowKilowattHoursPerCount()
    {
        Assert.EndsWith("EDT 0A = 10 kWh", Describe(MeterToController + " 72 01 E1 01 0A"), StringComparison.Ordinal);
        Assert.EndsWith("EDT 04 = 0.0001 kWh", Describe(MeterToController + " 72 01 E1 01 04"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E7 04 7F FF FF FE", "EDT 7FFFFFFE = no data")]
    [InlineData("E7 04 7F FF FF FF", "EDT 7FFFFFFF = overflow (above the measurable range)")]
    [InlineData("E7 04 80 00 00 00", "EDT 80000000 = underflow (below the measurable range)")]
    [InlineData("E7 04 FF FF FC B8", "EDT FFFFFCB8 = -840 W")]
    [InlineData("E0 04 FF FF FF FE", "EDT FFFFFFFE = no data")]
    [InlineData("E3 04 05 F5 E1 00", "EDT 05F5E100 = no reading (0x05F5E100 is more than 8 digits)")]
    [InlineData("E8 04 00 1E 00 32", "EDT 001E0032 = R 3.0 A, T 5.0 A")]
    [InlineData("E8 04 00 62 7F FE", "EDT 00627FFE = R 9.8 A, T no data")]
    [InlineData("E8 04 7F FE 7F FE", "EDT 7FFE7FFE = R no data, T no data")]
    [InlineData("E8 04 7F FF 00 0A", "EDT 7FFF000A = R overflow, T 1.0 A")]
    public void Describe_MeterValue_DecodesReadingsAndSentinels(string property, string expectedEnd)
    {
        string text = Describe(MeterToController + " 72 01 " + property);

        Assert.EndsWith(expectedEnd, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_CapturedFixedTimeCumulative_ShowsCountWithMeterTime()
    {
        string text = Describe(MeterToController + " 72 01 EA 0B 07 EA 05 14 0E 00 00 00 00 FE 68");

        Assert.EndsWith(
            "  EPC 0xEA cumulative electric energy at fixed time, normal direction, PDC 11, EDT 07EA05140E00000000FE68"
            + " = 65128 at 2026-05-20 14:00:00 (meter time)",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_FixedTimeWithoutReading_KeepsTheTime()
    {
        string text = Describe(MeterToController + " 72 01 EB 0B 07 EA 05 18 16 1E 00 FF FF FF FE");

        Assert.EndsWith("= no data at 2026-05-24 22:30:00 (meter time)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_CapturedHistory_GivesDaySlotCountAndFirstAndLastSlots()
    {
        string text = Describe(MeterToController + " 72 01 E2 C2 00 0B" +
            "0000F766 0000F768 0000F76A 0000F76C 0000F76D 0000F76F 0000F770 0000F772" +
            "0000F774 0000F776 0000F777 0000F779 0000F77A 0000F77C 0000F77E 0000F780" +
            "0000F781 0000F783 0000F784 0000F786 0000F788 0000F789 0000F78B 0000F78D" +
            "0000F78E 0000F790 0000F792 0000F793 0000F795 0000F796 0000F798 0000F79A" +
            "0000F79C 0000F79D 0000F79F 0000F7A0 0000F7A2 0000F7A4 0000F7A6 0000F7A7" +
            "0000F7A9 0000F7AB 0000F7AD 0000F7AF 0000F7B0 0000F7B2 0000F7B4 0000F7B6");

        Assert.EndsWith(
            "  EPC 0xE2 cumulative electric energy history, normal direction, PDC 194, EDT 000B0000F7660000F7680000F76A0000..."
            + " = 11 days ago, 48 of 48 half-hour slots with data, first at 00:00: 63334, last at 23:30: 63414",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_TodaysHistory_CountsOnlySlotsWithData()
    {
        // Today at 01:10: slots 00:00, 00:30 and 01:00 have readings, the other 45 the "no data" code.
        var slots = new uint?[48];
        slots[0] = 100;
        slots[1] = 101;
        slots[2] = 103;
        byte[] edt = new byte[SmartMeterCodec.HistoryLength];
        SmartMeterCodec.EncodeHistory(edt, 0, slots);

        string text = Describe(MeterToController + " 72 01 E4 C2 " + Hex.Of(edt));

        Assert.EndsWith(
            "= today, 3 of 48 half-hour slots with data, first at 00:00: 100, last at 01:00: 103",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_CapturedClock_ShowsDateAndTime()
    {
        Assert.EndsWith("  EPC 0x97 current time, PDC 2, EDT 0E1A = 14:26",
            Describe(MeterToController + " 72 01 97 02 0E 1A"), StringComparison.Ordinal);
        Assert.EndsWith("  EPC 0x98 current date, PDC 4, EDT 07EA0514 = 2026-05-20",
            Describe(MeterToController + " 72 01 98 04 07 EA 05 14"), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_SetGetForYesterdaysHistory_ShowsBothLists()
    {
        string text = Describe("10 81 00 05 05 FF 01 02 88 01 6E 01 E5 01 01 01 E2 00");

        Assert.Equal(
            Lines(
                "ECHONET Lite frame, 18 bytes",
                "  EHD    10 81 (ECHONET Lite, specified message format)",
                "  TID    0x0005",
                "  SEOJ   0x05FF01 controller, instance 1",
                "  DEOJ   0x028801 low-voltage smart electric energy meter, instance 1",
                "  ESV    0x6E SetGet (property value write & read request)",
                "  OPCSet 1",
                "  EPC 0xE5 day of the cumulative energy history, PDC 1, EDT 01 = 1 day ago",
                "  OPCGet 1",
                "  EPC 0xE2 cumulative electric energy history, normal direction, PDC 0"),
            text);
    }

    [Fact]
    public void Describe_SetGetSna_MarksRefusedWriteAndUnavailableRead()
    {
        string text = Describe("10 81 00 05 02 88 01 05 FF 01 5E 01 E5 01 01 01 E2 00");

        Assert.EndsWith(
            Lines(
                "  OPCSet 1",
                "  EPC 0xE5 day of the cumulative energy history, PDC 1, EDT 01 = 1 day ago (not accepted)",
                "  OPCGet 1",
                "  EPC 0xE2 cumulative electric energy history, normal direction, PDC 0 (not available)"),
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_SetRes_MarksTheWriteAccepted()
    {
        string text = Describe(MeterToController + " 71 01 E5 00");

        Assert.EndsWith("  EPC 0xE5 day of the cumulative energy history, PDC 0 (accepted)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_InstanceListNotification_NamesTheListedMeter()
    {
        string text = Describe("10 81 2E DA 0E F0 01 0E F0 01 73 01 D5 04 01 02 88 01");

        Assert.Equal(
            Lines(
                "ECHONET Lite frame, 18 bytes",
                "  EHD    10 81 (ECHONET Lite, specified message format)",
                "  TID    0x2EDA",
                "  SEOJ   0x0EF001 node profile, instance 1",
                "  DEOJ   0x0EF001 node profile, instance 1",
                "  ESV    0x73 INF (property value notification)",
                "  OPC    1",
                "  EPC 0xD5 instance list notification, PDC 4, EDT 01028801"
                + " = 1 instance: 0x028801 low-voltage smart electric energy meter, instance 1"),
            text);
    }

    [Fact]
    public void Describe_UnknownEpc_ShowsHexOnly()
    {
        string text = Describe(MeterToController + " 72 01 F0 02 12 34");

        Assert.EndsWith("\n  EPC 0xF0, PDC 2, EDT 1234", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_MeterEpcOnAnotherClass_IsNotDecodedAsMeterValue()
    {
        // 0xE7 of a storage battery is not the meter's instantaneous power.
        string text = Describe("10 81 00 01 02 7D 01 05 FF 01 72 01 E7 04 00 00 01 F8");

        Assert.Contains("SEOJ   0x027D01 storage battery, instance 1", text, StringComparison.Ordinal);
        Assert.EndsWith("\n  EPC 0xE7, PDC 4, EDT 000001F8", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnnamedClassAndAllInstances_ShowsCodesAndGroup()
    {
        string text = Describe("10 81 00 01 05 FF 01 00 11 00 63 01 80 00");

        Assert.Contains("DEOJ   0x001100 class 0x0011 (sensor-related device), all instances", text, StringComparison.Ordinal);
        Assert.Contains("ESV    0x63 INF_REQ (property value notification request)", text, StringComparison.Ordinal);
        Assert.EndsWith("EPC 0x80 operation status, PDC 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EdtThatCannotBeItsProperty_SaysInvalidInsteadOfThrowing()
    {
        string text = Describe(MeterToController + " 72 02 E7 03 00 01 F8 E0 04 00 00 FE 73");

        Assert.Contains(
            "\n  EPC 0xE7 instantaneous electric power, PDC 3, EDT 0001F8 (invalid: PDC 3 for EPC 0xE7 is wrong; its EDT is 4 byte(s))\n",
            text,
            StringComparison.Ordinal);
        Assert.EndsWith("EDT 0000FE73 = 65139", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EchonetService.SetI_SNA, "SetI_SNA")]
    [InlineData(EchonetService.SetC_SNA, "SetC_SNA")]
    [InlineData(EchonetService.Get_SNA, "Get_SNA")]
    [InlineData(EchonetService.Inf_SNA, "INF_SNA")]
    [InlineData(EchonetService.SetI, "SetI")]
    [InlineData(EchonetService.SetC, "SetC")]
    [InlineData(EchonetService.Get, "Get")]
    [InlineData(EchonetService.InfReq, "INF_REQ")]
    [InlineData(EchonetService.Set_Res, "Set_Res")]
    [InlineData(EchonetService.Get_Res, "Get_Res")]
    [InlineData(EchonetService.Inf, "INF")]
    [InlineData(EchonetService.InfC, "INFC")]
    [InlineData(EchonetService.InfC_Res, "INFC_Res")]
    public void Describe_EveryOneListService_IsNamed(EchonetService service, string name)
    {
        string text = Describe(string.Create(CultureInfo.InvariantCulture, $"{MeterToController} {(byte)service:X2} 00"));

        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"\n  ESV    0x{(byte)service:X2} {name} (property value "),
            text,
            StringComparison.Ordinal);
        Assert.EndsWith("\n  OPC    0", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EchonetService.SetGet, "SetGet")]
    [InlineData(EchonetService.SetGet_Res, "SetGet_Res")]
    [InlineData(EchonetService.SetGet_SNA, "SetGet_SNA")]
    public void Describe_EverySetGetService_IsNamedWithBothCounts(EchonetService service, string name)
    {
        string text = Describe(string.Create(CultureInfo.InvariantCulture, $"{MeterToController} {(byte)service:X2} 00 00"));

        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"\n  ESV    0x{(byte)service:X2} {name} (property value write & read "),
            text,
            StringComparison.Ordinal);
        Assert.EndsWith("\n  OPCSet 0\n  OPCGet 0", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10 81 00 01 02 88 01 05 FF 01 72")]
    [InlineData("10 82 00 01 02 88 01 05 FF 01 72 00")]
    [InlineData("10 81 00 01 02 88 01 05 FF 01 99 00")]
    [InlineData("10 81 00 01 02 88 01 05 FF 01 72 01 E7 04 00 00 01")]
    [InlineData("10 81 00 01 02 88 01 05 FF 01 72 01 E7 04 00 00 01 F8 00")]
    public void Describe_InvalidFrame_ThrowsTheParsersError(string hex)
    {
        byte[] data = Hex.Bytes(hex);
        var expected = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrameDescriber.Describe(data));

        Assert.Equal(expected.Message, exception.Message);
    }

    [Fact]
    public void Describe_UnderACommaDecimalCulture_StillWritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            string text = Describe(MeterToController + " 72 03 E1 01 01 E0 04 00 00 FE 73 E8 04 00 62 7F FE");

            Assert.Contains("= 0.1 kWh", text, StringComparison.Ordinal);
            Assert.Contains("= 65139 (6513.9 kWh)", text, StringComparison.Ordinal);
            Assert.Contains("= R 9.8 A, T no data", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string Describe(string hex) => EchonetFrameDescriber.Describe(Hex.Bytes(hex));

    private static string Lines(params string[] lines) => string.Join('\n', lines);
}
