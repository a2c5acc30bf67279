namespace Aizu.Fuzzing;

/// <summary>What every serial meter session must satisfy, whatever the line carried.</summary>
internal static class SessionInvariants
{
    // Meters give two-digit years (DSMR) or seconds since 1970 that a meter cannot have lived through before this.
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A device's clock a little ahead of ours is drift (the DSMR mapper's own slack for M-Bus devices).
    private static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    /// <summary>Every reading is a finite value of a series the drivers know, in that series' unit, stamped with a
    /// time that can be a measurement's (not before 2000, not more than a day ahead of the clock).</summary>
    public static void CheckPlausible(SerialSessionOutcome outcome)
    {
        foreach (var reading in outcome.Readings)
        {
            var expected = UnitOf(reading.Series);
            if (!double.IsFinite(reading.Value) || expected is null || reading.Unit != expected
                || reading.Timestamp < Earliest || reading.Timestamp > outcome.End + FutureSlack)
            {
                throw new SessionInvariantException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Implausible reading {reading.Series} = {reading.Value} {reading.Unit} at {reading.Timestamp:O} (the clock ended at {outcome.End:O})."));
            }
        }
    }

    /// <summary>
    /// The driver, reading the line in pieces, found the frames that the meter's framer and parser find in the whole
    /// line at once, and emitted <paramref name="series"/> with exactly <paramref name="expected"/> (what those frames
    /// carry): no frame lost or counted twice at a read's boundary, after noise or a cut-off frame, and none refused by
    /// its mapper. A silent period drops what the driver had buffered when it reopens the port, so it is checked only
    /// for lines without one.
    /// </summary>
    public static void CheckFrames(SerialSessionOutcome outcome, int validFrames, string series, IReadOnlyList<double> expected)
    {
        if (outcome.SilentPeriods > 0)
        {
            return;
        }

        if (outcome.FramesAccepted != validFrames)
        {
            throw new SessionInvariantException(string.Create(
                CultureInfo.InvariantCulture, $"The driver accepted {outcome.FramesAccepted} frames; the line holds {validFrames} valid ones."));
        }

        var values = outcome.Values(series);
        if (!values.SequenceEqual(expected))
        {
            throw new SessionInvariantException(string.Create(
                CultureInfo.InvariantCulture,
                $"The driver emitted {series} [{string.Join(", ", values)}]; the valid frames carry [{string.Join(", ", expected)}]."));
        }
    }

    private static string? UnitOf(string series)
    {
        var channel = series.IndexOf(".channel.", StringComparison.Ordinal);
        var plain = channel < 0 ? series : series[..channel];
        return plain switch
        {
            SeriesNames.GasVolume or SeriesNames.WaterVolume => Units.CubicMetre,
            SeriesNames.HeatEnergy => Units.KilowattHour,
            _ when !plain.StartsWith("elec.", StringComparison.Ordinal) => null,
            _ when plain.Contains(".energy", StringComparison.Ordinal) => Units.KilowattHour,
            _ when plain.StartsWith("elec.power", StringComparison.Ordinal) || plain.StartsWith("elec.demand.", StringComparison.Ordinal) => Units.Watt,
            _ when plain.StartsWith("elec.voltage.", StringComparison.Ordinal) => Units.Volt,
            _ when plain.StartsWith("elec.current.", StringComparison.Ordinal) => Units.Ampere,
            _ => null,
        };
    }
}
