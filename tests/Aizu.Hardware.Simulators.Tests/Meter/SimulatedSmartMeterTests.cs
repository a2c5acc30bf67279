namespace Aizu.Hardware.Simulators.Tests.Meter;

public sealed class SimulatedSmartMeterTests
{
    // 2025-08-06 10:17:23 in Japan.
    private static readonly DateTimeOffset Start = new(2025, 8, 6, 1, 17, 23, TimeSpan.Zero);
    private static readonly DateTime JapanStart = new(2025, 8, 6, 10, 17, 23);

    private readonly FakeTimeProvider clock = new(Start);
    private readonly HouseholdLoadProfile profile = new();

    [Fact]
    public void Get_AnswersEveryRequestedPropertyWithTheRequestersTid()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        var answer = Frames.Decode(meter.Answer(Frames.Get(0xBEEF, 0x80, 0x97, 0x98, 0xD3, 0xD7, 0xE1, 0xE7, 0xE8))!);

        Assert.Equal(0xBEEF, answer.Tid);
        Assert.Equal(EchonetService.Get_Res, answer.Service);
        Assert.Equal(EchonetObject.SmartElectricEnergyMeter, answer.Source);
        Assert.Equal(EchonetObject.Controller, answer.Destination);
        Assert.Equal([0x80, 0x97, 0x98, 0xD3, 0xD7, 0xE1, 0xE7, 0xE8], answer.Properties.Select(p => p.Epc));
        Assert.Equal(new byte[] { 0x30 }, answer.Edt(0x80));
        Assert.Equal(new TimeOnly(10, 17), SmartMeterCodec.DecodeCurrentTime(answer.Edt(0x97)));
        Assert.Equal(new DateOnly(2025, 8, 6), SmartMeterCodec.DecodeCurrentDate(answer.Edt(0x98)));
        Assert.Equal(1u, SmartMeterCodec.DecodeCoefficient(answer.Edt(0xD3)));
        Assert.Equal(6, SmartMeterCodec.DecodeEffectiveDigits(answer.Edt(0xD7)));
        Assert.Equal(0.1m, SmartMeterCodec.DecodeUnitKilowattHours(answer.Edt(0xE1)));
        Assert.True(SmartMeterCodec.TryDecodeInstantaneousPower(answer.Edt(0xE7), out var watts));
        Assert.True(SmartMeterCodec.TryDecodeInstantaneousCurrent(answer.Edt(0xE8), out var current));
        var expected = profile.PowerWatts(JapanStart);
        Assert.InRange(watts, (expected * 0.9) - 30, (expected * 1.1) + 30);
        Assert.Equal(watts / 100.0, current.RPhaseAmperes + current.TPhaseAmperes!.Value, 1);
    }

    [Fact]
    public void Get_WithAnUnsupportedEpc_IsGetSnaWithPdc0ForIt()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        var answer = Frames.Decode(meter.Answer(Frames.Get(1, 0xE7, 0xF0))!);

        Assert.Equal(EchonetService.Get_SNA, answer.Service);
        Assert.Equal(4, answer.Edt(0xE7).Length);
        Assert.Empty(answer.Edt(0xF0));
    }

    [Fact]
    public void FramesForOtherObjectsOrMalformed_AreIgnored()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        Assert.Null(meter.Answer(Frames.To(EchonetObject.NodeProfile, 1, 0xD6)));
        Assert.Null(meter.Answer(Frames.To(new EchonetObject(0x02, 0x88, 0x02), 1, 0xE7)));
        Assert.Null(meter.Answer([0x10, 0x81, 0x00]));
        Assert.NotNull(meter.Answer(Frames.To(new EchonetObject(0x02, 0x88, 0x00), 1, 0xE7)));
    }

    [Fact]
    public void CumulativeRegister_IsTheProfilesEnergySinceInstallationInTenthsOfKilowattHours()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        var answer = Frames.Decode(meter.Answer(Frames.Get(1, 0xE0, 0xE3))!);

        Assert.True(SmartMeterCodec.TryDecodeCumulative(answer.Edt(0xE0), out var raw));
        Assert.Equal(JapanStart.Date.AddDays(-SimulatedSmartMeter.DaysInstalledBeforeCreation), meter.InstalledAt);
        var expected = Math.Floor(profile.EnergyKilowattHours(meter.InstalledAt, JapanStart) * 10);
        Assert.Equal(expected, raw);
        Assert.InRange(raw, 8000u, 12000u);
        Assert.Equal(new byte[4], answer.Edt(0xE3));
    }

    [Fact]
    public void History_OfASetDay_AgreesWithTheProfileWithinOneUnitPerHalfHour()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        var set = Frames.Decode(meter.Answer(Frames.Set(EchonetService.SetC, 2, 0xE5, 3))!);
        var history = SmartMeterCodec.DecodeHistory(Frames.Decode(meter.Answer(Frames.Get(3, 0xE2))!).Edt(0xE2));

        Assert.Equal(EchonetService.Set_Res, set.Service);
        Assert.Empty(set.Edt(0xE5));
        Assert.Equal(3, meter.HistoryDay);
        Assert.Equal(3, history.DaysAgo);
        var day = JapanStart.Date.AddDays(-3);
        Assert.Equal(meter.ImportRegisterAt(day), history.Slots[0]);
        for (var slot = 0; slot + 1 < CumulativeHistory.SlotCount; slot++)
        {
            var from = day.AddMinutes(30 * slot);
            var counts = (double)(history.Slots[slot + 1]!.Value - history.Slots[slot]!.Value);
            var energy = profile.EnergyKilowattHours(from, from.AddMinutes(30)) * 10;
            Assert.True(Math.Abs(counts - energy) < 1, $"slot {slot}: {counts} counts vs {energy:F2}");
        }
    }

    [Fact]
    public void History_OfToday_HasNoDataAfterNow()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        var history = SmartMeterCodec.DecodeHistory(Frames.Decode(meter.Answer(Frames.Get(1, 0xE2))!).Edt(0xE2));

        // 10:17: slots 00:00 … 10:00 have readings, 10:30 onwards not yet.
        Assert.All(history.Slots.Take(21), s => Assert.NotNull(s));
        Assert.All(history.Slots.Skip(21), s => Assert.Null(s));
        var currentRaw = meter.ImportRegisterAt(JapanStart);
        Assert.InRange(currentRaw - history.Slots[20]!.Value, 0u, 5u);
    }

    [Fact]
    public void FixedTimeReading_IsTheRegisterAtTheLatestHalfHour()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        Assert.True(SmartMeterCodec.TryDecodeFixedTimeCumulative(
            Frames.Decode(meter.Answer(Frames.Get(1, 0xEA))!).Edt(0xEA), out var reading));

        Assert.Equal(new DateTime(2025, 8, 6, 10, 0, 0), reading.MeterLocalTime);
        Assert.Equal(meter.ImportRegisterAt(reading.MeterLocalTime), reading.Raw);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(0xE7)]
    public void SetC_OfAnythingButAValidHistoryDay_IsRefusedWithSetCSna(int value)
    {
        var meter = new SimulatedSmartMeter(profile, clock);
        var request = value == 0xE7
            ? Frames.Set(EchonetService.SetC, 9, 0xE7, 0, 0, 0, 1)
            : Frames.Set(EchonetService.SetC, 9, 0xE5, (byte)value);

        var answer = Frames.Decode(meter.Answer(request)!);

        Assert.Equal(EchonetService.SetC_SNA, answer.Service);
        Assert.NotEmpty(answer.Properties.Single().Edt);
        Assert.Equal(0, meter.HistoryDay);
    }

    [Fact]
    public void SetI_ThatSucceeds_IsNotAnswered()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        Assert.Null(meter.Answer(Frames.Set(EchonetService.SetI, 9, 0xE5, 1)));
        Assert.Equal(1, meter.HistoryDay);
    }

    [Fact]
    public void Register_RollsOverAtAMillionCounts()
    {
        var meter = new SimulatedSmartMeter(profile, clock) { InitialReading = 999_000 };

        var raw = meter.ImportRegisterAt(JapanStart);

        var counts = (uint)Math.Floor(profile.EnergyKilowattHours(meter.InstalledAt, JapanStart) * 10);
        Assert.Equal(999_000 + counts - 1_000_000, raw);
    }

    [Fact]
    public void Noise_IsRepeatableForASeedAndDiffersBetweenSeeds()
    {
        static List<byte[]> Readings(SimulatedSmartMeter meter) =>
            Enumerable.Range(0, 5).Select(i => Frames.Decode(meter.Answer(Frames.Get((ushort)i, 0xE7))!).Edt(0xE7)).ToList();

        var first = Readings(new SimulatedSmartMeter(profile, clock, seed: 42));
        var again = Readings(new SimulatedSmartMeter(profile, clock, seed: 42));
        var other = Readings(new SimulatedSmartMeter(profile, clock, seed: 43));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void NextNotification_ComesOncePerHalfHourWithTheFixedTimeReading()
    {
        var meter = new SimulatedSmartMeter(profile, clock);
        Assert.Null(meter.NextNotification());

        clock.Advance(TimeSpan.FromMinutes(13));
        var notification = Frames.Decode(meter.NextNotification()!);

        Assert.Null(meter.NextNotification());
        Assert.Equal(EchonetService.Inf, notification.Service);
        Assert.Equal(EchonetObject.SmartElectricEnergyMeter, notification.Source);
        Assert.True(SmartMeterCodec.TryDecodeFixedTimeCumulative(notification.Edt(0xEA), out var reading));
        Assert.Equal(new DateTime(2025, 8, 6, 10, 30, 0), reading.MeterLocalTime);
        Assert.Equal(meter.ImportRegisterAt(reading.MeterLocalTime), reading.Raw);
        Assert.Equal(11, notification.Edt(0xEB).Length);
    }

    [Fact]
    public void WithExport_SurplusSolarIsCountedInTheExportRegister()
    {
        var meter = new SimulatedSmartMeter(profile, clock) { ExportEnabled = true };

        var answer = Frames.Decode(meter.Answer(Frames.Get(1, 0xE0, 0xE3))!);

        Assert.True(SmartMeterCodec.TryDecodeCumulative(answer.Edt(0xE0), out var imported));
        Assert.True(SmartMeterCodec.TryDecodeCumulative(answer.Edt(0xE3), out var exported));
        Assert.True(exported > 1000, $"exported {exported}");
        Assert.True(imported < new SimulatedSmartMeter(profile, clock).ImportRegisterAt(JapanStart));
    }

    [Fact]
    public void PropertyMap_ListsWhatTheMeterAnswers()
    {
        var meter = new SimulatedSmartMeter(profile, clock);

        var map = Frames.Decode(meter.Answer(Frames.Get(1, 0x9F))!).Edt(0x9F);
        var epcs = Enumerable.Range(0x80, 0x80).Where(epc => (map[1 + (epc & 0x0F)] & (1 << ((epc >> 4) - 8))) != 0).ToList();

        Assert.Equal(map[0], epcs.Count);
        var answer = Frames.Decode(meter.Answer(Frames.Get(2, epcs.Select(e => (byte)e).ToArray()))!);
        Assert.Equal(EchonetService.Get_Res, answer.Service);
    }
}
