namespace Aizu.Ingest;

/// <summary>
/// Applies <see cref="ReadingAdmission"/>, counts what it refuses and logs each kind of problem once
/// per episode: a Pi with an unset clock produces a refused reading every few seconds, and the log
/// must still show what went wrong. Used by the single ingest loop only, so not thread-safe.
/// </summary>
/// <remarks>
/// Readings stamped before others of their series are normal (a meter's history, its half-hourly register) and go
/// to the store, which keeps rollups right for them. Two clock episodes refuse readings (see <see cref="ClockStepPolicy"/>):
/// after a step back the store set aside, readings still stamped by the clock that ran ahead; after a step back that
/// is not believed, readings inside the time already stored.
/// </remarks>
internal sealed class AdmissionGate(IngestStatistics statistics, ILogger logger)
{
    /// <summary>Readings stamped by the gateway's clock are at most this far after the moment they are admitted.</summary>
    private static readonly TimeSpan AdmissionSlack = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> invalidSeriesLogged = new(StringComparer.Ordinal);
    private DateTimeOffset? newestAdmitted;
    private DateTimeOffset? refuseThrough;
    private DateTimeOffset? aheadEpisodeEnd;
    private long coveredEpisode;
    private long clockEpisode;
    private long futureEpisode;

    /// <summary>The newest timestamp admitted so far in this run, or the store's newest it was told about.</summary>
    public DateTimeOffset? NewestAdmitted => newestAdmitted;

    /// <summary>Tells the gate what is already stored, so a clock behind it is noticed from the first reading.</summary>
    public void Stored(DateTimeOffset newest)
    {
        if (newestAdmitted is null || newest > newestAdmitted)
        {
            newestAdmitted = newest;
        }
    }

    /// <summary>After readings stamped after <paramref name="cut"/> were set aside: refuses those still stamped by the clock that ran ahead, until <paramref name="until"/>.</summary>
    public void SetAsideAfter(DateTimeOffset cut, DateTimeOffset until)
    {
        newestAdmitted = newestAdmitted is { } newest && newest > cut ? cut : newestAdmitted;
        aheadEpisodeEnd = until;
    }

    /// <summary>A clock step back that is not believed: refuses readings stamped inside the time already stored until the clock passes it.</summary>
    public void RefuseInsideStoredTime()
    {
        refuseThrough = newestAdmitted;
    }

    public bool Admit(in Reading reading, DateTimeOffset now)
    {
        var verdict = ReadingAdmission.Check(reading, now);
        if (verdict == Admission.Accepted)
        {
            if (refuseThrough is { } through && reading.Timestamp <= through)
            {
                verdict = Admission.InsideStoredTime;
            }
            else if (aheadEpisodeEnd is { } end)
            {
                if (now >= end)
                {
                    aheadEpisodeEnd = null;
                }
                else if (reading.Timestamp > now + AdmissionSlack)
                {
                    verdict = Admission.InsideStoredTime;
                }
            }
        }

        switch (verdict)
        {
            case Admission.Accepted:
                if (newestAdmitted is null || reading.Timestamp > newestAdmitted)
                {
                    newestAdmitted = reading.Timestamp;
                }

                if (refuseThrough is { } passed && reading.Timestamp > passed)
                {
                    refuseThrough = null;
                }

                EndEpisodes();
                return true;

            case Admission.InsideStoredTime:
                statistics.AddRejectedCovered();
                coveredEpisode++;
                return false;

            case Admission.ClockNotSet:
                statistics.AddRejectedClock();
                if (clockEpisode++ == 0)
                {
                    logger.ClockNotSet(reading.Series, reading.Timestamp);
                }

                return false;

            case Admission.FromTheFuture:
                statistics.AddRejectedFuture();
                if (futureEpisode++ == 0)
                {
                    if (now < ReadingAdmission.ClockFloor)
                    {
                        logger.FutureBecauseClockNotSet(reading.Series, reading.Timestamp, now);
                    }
                    else
                    {
                        logger.ReadingFromTheFuture(reading.Series, reading.Timestamp, now);
                    }
                }

                return false;

            default:
                statistics.AddRejectedInvalid();
                if (invalidSeriesLogged.Add(reading.Series ?? ""))
                {
                    logger.InvalidReading(reading.Series ?? "", ReadingAdmission.DescribeInvalid(reading));
                }

                return false;
        }
    }

    private void EndEpisodes()
    {
        if (clockEpisode > 0)
        {
            logger.ClockSetAgain(clockEpisode);
            clockEpisode = 0;
        }

        if (futureEpisode > 0)
        {
            logger.FutureOver(futureEpisode);
            futureEpisode = 0;
        }

        if (coveredEpisode > 0 && refuseThrough is null)
        {
            logger.ClockCaughtUp(coveredEpisode);
            coveredEpisode = 0;
        }
    }
}
