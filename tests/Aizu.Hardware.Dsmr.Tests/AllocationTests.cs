namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>
/// Issue 6: the per-telegram path (framing, CRC, parse, mapping to readings) allocates nothing beyond the readings
/// it returns. A property of the code, not a timing: measured per thread, so parallel tests do not interfere.
/// </summary>
public sealed class AllocationTests
{
    private const int Repetitions = 100;

    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // Reused like the serial meter loop reuses its own; a valid V50 telegram adds nothing to it.
    private readonly List<SkippedValue> _skipped = [];

    [Fact]
    public void FrameParseAndMap_V50_AllocatesNoMoreThanTheReadings()
    {
        byte[] bytes = RealTelegrams.Bytes(RealTelegrams.V50);
        var readout = new DsmrReadout();

        // Zero intervals: every telegram is due for every reading, so each round returns the full set.
        var mapper = new DsmrReadingMapper(new DsmrOptions { PowerInterval = TimeSpan.Zero, EnergyInterval = TimeSpan.Zero });
        var readings = new List<Reading>(64);
        int warmup = FrameParseAndMap(bytes, readout, mapper, readings);
        Assert.True(warmup > 10, $"only {warmup} readings");

        int returned = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Repetitions; i++)
        {
            returned += FrameParseAndMap(bytes, readout, mapper, readings);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(returned >= Repetitions * (warmup - 1), $"{returned} readings in {Repetitions} rounds");
        Assert.True(allocated <= (long)returned * Unsafe.SizeOf<Reading>(), $"{allocated} B allocated for {returned} readings");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TryParse_V50IntoReadout_AllocatesNothingAndMatchesTheTelegram()
    {
        byte[] bytes = RealTelegrams.Bytes(RealTelegrams.V50);
        var readout = new DsmrReadout();
        Assert.True(DsmrTelegramParser.TryParse(bytes, DsmrParseOptions.Strict, readout, out _));

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool all = true;
        for (int i = 0; i < Repetitions; i++)
        {
            all &= DsmrTelegramParser.TryParse(bytes, DsmrParseOptions.Strict, readout, out _);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(all);
        Assert.Equal(0, allocated);
        var telegram = DsmrTelegramParser.Parse(bytes);
        Assert.Equal(telegram.NetPower, readout.NetPower);
        Assert.Equal(telegram.ImportEnergy, readout.ImportEnergy);
        Assert.Equal(telegram.Identification, readout.Identification);
        Assert.Equal(telegram.Version, readout.Version);
        Assert.Equal(telegram.L1, new DsmrPhase(readout.PhaseVoltage(0), readout.PhaseCurrent(0), telegram.L1.PowerImport, telegram.L1.PowerExport));
        Assert.Equal(telegram.L3.NetPower, readout.PhaseNetPower(2));
        Assert.Equal(telegram.MBus, readout.ToTelegram().MBus);
        Assert.Equal(telegram.PowerFailureLog, readout.ToTelegram().PowerFailureLog);
    }

    [Fact]
    public void TryParse_RejectedTelegram_LeavesNoValues()
    {
        var readout = new DsmrReadout();
        Assert.True(DsmrTelegramParser.TryParse(RealTelegrams.Bytes(RealTelegrams.V50), null, readout, out _));
        Assert.NotNull(readout.NetPower);

        byte[] damaged = RealTelegrams.Bytes(RealTelegrams.V50.Replace("1-0:1.7.0(", "1-0:1.7.0(x", StringComparison.Ordinal));
        Assert.False(DsmrTelegramParser.TryParse(damaged, null, readout, out var error));
        Assert.Equal(DsmrErrorKind.ChecksumMismatch, error.Kind);
        Assert.Null(readout.NetPower);
        Assert.Null(readout.ImportEnergy);
        Assert.Equal(0, readout.MBusValueCount);
    }

    private int FrameParseAndMap(byte[] bytes, DsmrReadout readout, DsmrReadingMapper mapper, List<Reading> readings)
    {
        readings.Clear();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        while (DsmrFramer.TryReadFrame(ref reader, out var frame))
        {
            if (frame.Kind == SerialFrameKind.Frame && DsmrTelegramParser.TryParse(frame.Bytes, DsmrParseOptions.Strict, readout, out _))
            {
                mapper.Map(readout, Now, readings, _skipped);
            }
        }

        return readings.Count;
    }
}
