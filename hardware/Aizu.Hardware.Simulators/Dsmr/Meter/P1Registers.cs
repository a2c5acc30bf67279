namespace Aizu.Hardware.Simulators.Dsmr;

/// <summary>
/// What the meter measures and counts: registers integrated from the household profile between telegrams, the
/// instantaneous values with a little noise, the tariff, the quarter-hour demand and the M-Bus devices' last capture.
/// </summary>
internal sealed class P1Registers
{
    private static readonly double[] PhaseShare = [0.5, 0.3, 0.2];
    private readonly EuropeanHouseholdProfile _household;
    private readonly Random _random;
    private readonly DsmrProtocol _protocol;
    private DateTimeOffset? _last;
    private DateTimeOffset _quarterStart;
    private double _quarterImportKwh;

    public P1Registers(EuropeanHouseholdProfile household, Random random, DsmrProtocol protocol)
    {
        _household = household;
        _random = random;
        _protocol = protocol;

        // A meter installed a few years ago.
        ImportKwh = [4210.5 + random.Next(0, 1000), 3870.25 + random.Next(0, 1000)];
        ExportKwh = [household.SolarPeakWatts > 0 ? 812.4 : 0, household.SolarPeakWatts > 0 ? 1503.9 : 0];
        Gas = 2741.125 + random.Next(0, 500);
        Water = 318.4 + random.Next(0, 100);
    }

    public double[] ImportKwh { get; }

    public double[] ExportKwh { get; }

    public double Gas { get; private set; }

    public double Water { get; private set; }

    public int Tariff { get; private set; } = 1;

    public double NetWatts { get; private set; }

    public double[] PhaseNetWatts { get; } = new double[3];

    public double[] Volts { get; } = new double[3];

    public double[] Amperes { get; } = new double[3];

    public double AverageDemandWatts { get; private set; }

    public (DateTimeOffset At, double Watts)? MonthPeak { get; private set; }

    public (DateTimeOffset At, double Value) GasCapture { get; private set; }

    public (DateTimeOffset At, double Value) WaterCapture { get; private set; }

    /// <summary>Advances every register to <paramref name="now"/>.</summary>
    public void Advance(DateTimeOffset now)
    {
        var previous = _last ?? now;
        if (_last is null)
        {
            _quarterStart = QuarterStart(now);
            GasCapture = (CaptureTime(now), Gas);
            WaterCapture = (CaptureTime(now), Water);
        }

        _last = now;
        var hours = Math.Max(0, (now - previous).TotalHours);
        var load = _household.PowerWatts(now) * (1 + (0.04 * ((_random.NextDouble() * 2) - 1)));
        var solar = _household.SolarWatts(now);
        NetWatts = load - solar;
        Tariff = TariffAt(now);
        var kwh = NetWatts * hours / 1000;
        if (kwh >= 0)
        {
            ImportKwh[Tariff - 1] += kwh;
        }
        else
        {
            ExportKwh[Tariff - 1] -= kwh;
        }

        Gas += _household.GasCubicMetresPerHour(now) * hours;
        Water += _household.WaterCubicMetresPerHour(now) * hours;

        for (int i = 0; i < 3; i++)
        {
            // PV inverters in NL/BE homes are mostly single-phase, on L1.
            PhaseNetWatts[i] = (load * PhaseShare[i]) - (i == 0 ? solar : 0);
            Volts[i] = 230 + (2 * Math.Sin(now.ToUnixTimeSeconds() / 300.0 + i)) - (Math.Abs(PhaseNetWatts[i]) / 2000) + (0.3 * _random.NextDouble());
            Amperes[i] = Math.Abs(PhaseNetWatts[i]) / Volts[i];
        }

        UpdateDemand(now, Math.Max(0, kwh));
        var capture = CaptureTime(now);
        if (capture > GasCapture.At)
        {
            GasCapture = (capture, Gas);
            WaterCapture = (capture, Water);
        }
    }

    private void UpdateDemand(DateTimeOffset now, double importKwh)
    {
        var quarter = QuarterStart(now);
        if (quarter != _quarterStart)
        {
            var finished = _quarterImportKwh * 4 * 1000;
            bool newMonth = MonthPeak is { } peak && CentralEuropeanTime.ToMeterTime(peak.At).Month != CentralEuropeanTime.ToMeterTime(quarter).Month;
            if (MonthPeak is null || newMonth || finished > MonthPeak.Value.Watts)
            {
                MonthPeak = (quarter, finished);
            }

            _quarterStart = quarter;
            _quarterImportKwh = 0;
        }

        _quarterImportKwh += importKwh;
        var elapsed = Math.Max((now - _quarterStart).TotalHours, 1.0 / 3600);
        AverageDemandWatts = _quarterImportKwh / elapsed * 1000;
    }

    /// <summary>Dutch rule: tariff 1 (low) at night and weekends; in Belgium tariff 1 is the day tariff.</summary>
    private int TariffAt(DateTimeOffset now)
    {
        var local = CentralEuropeanTime.ToMeterTime(now);
        bool offPeak = local.Hour is >= 23 or < 7 || local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return _protocol == DsmrProtocol.EMucs ? (offPeak ? 2 : 1) : (offPeak ? 1 : 2);
    }

    /// <summary>DSMR 5 and e-MUCS gas meters report every 5 minutes, older ones every hour.</summary>
    private DateTimeOffset CaptureTime(DateTimeOffset now)
    {
        var period = _protocol is DsmrProtocol.Dsmr5 or DsmrProtocol.EMucs ? TimeSpan.FromMinutes(5) : TimeSpan.FromHours(1);
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % period.Ticks), TimeSpan.Zero);
    }

    private static DateTimeOffset QuarterStart(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.FromMinutes(15).Ticks), TimeSpan.Zero);
}
