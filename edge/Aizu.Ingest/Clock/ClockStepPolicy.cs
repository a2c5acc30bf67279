namespace Aizu.Ingest;

/// <summary>
/// What a step of the system clock does to ingest. Used by the single ingest loop only.
/// </summary>
/// <remarks>
/// The clock after a step is trusted: on a gateway steps are almost always NTP correcting a clock that was wrong (a
/// Pi boots at 1970 or at its last shutdown, a clock set a day ahead by hand is put right). So after a step back, what
/// the store holds stamped after the corrected clock was stamped by a clock that ran ahead: it is set aside (kept in
/// the file, out of every series and rollup), and the readings stamped from now on fill the time as it really passes.
/// Nothing is counted twice and nothing of the present is refused. A step back of more than
/// <see cref="LargestCorrection"/> is not believed (that is a clock set wrong, not one put right): then readings
/// inside the time already stored are refused until the clock passes it again, as a backstop that loses data but
/// never history. A step forward is reported only: the time it skips simply has no readings.
/// </remarks>
internal sealed class ClockStepPolicy(AdmissionGate gate, IngestStatistics statistics, ILogger logger)
{
    /// <summary>A clock set ahead by a day and corrected is common; months of history set aside by one wrong setting is not acceptable.</summary>
    public static readonly TimeSpan LargestCorrection = TimeSpan.FromDays(2);

    /// <summary>Handles a step <see cref="ClockWatch"/> saw; returns the instant after which stored readings are to be set aside, or null.</summary>
    public DateTimeOffset? Stepped(TimeSpan step, DateTimeOffset now)
    {
        statistics.ClockStepped(now, step);
        if (step > TimeSpan.Zero)
        {
            logger.ClockSteppedForward(step, now);
            return null;
        }

        var back = step.Duration();
        if (now < ReadingAdmission.ClockFloor || back > LargestCorrection)
        {
            // Before 2020 every reading is refused as stamped by an unset clock anyway.
            gate.RefuseInsideStoredTime();
            logger.ClockStepNotBelieved(back, now, gate.NewestAdmitted ?? now);
            return null;
        }

        gate.SetAsideAfter(now, now + back);
        logger.ClockSteppedBack(back, now);
        return now;
    }

    /// <summary>At start: compares the store's newest reading with the clock; returns the instant after which stored readings are to be set aside, or null.</summary>
    public DateTimeOffset? Started(DateTimeOffset? newest, DateTimeOffset now)
    {
        if (newest is not { } stored)
        {
            return null;
        }

        gate.Stored(stored);
        var ahead = stored - now;
        if (ahead <= ReadingAdmission.MaxAhead || now < ReadingAdmission.ClockFloor)
        {
            return null;
        }

        statistics.ClockStepped(now, -ahead);
        if (ahead > LargestCorrection)
        {
            gate.RefuseInsideStoredTime();
            logger.ClockStepNotBelieved(ahead, now, stored);
            return null;
        }

        gate.SetAsideAfter(now, stored);
        logger.StoredAheadOfClock(stored, now);
        return now;
    }
}
