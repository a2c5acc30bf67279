using Aizu.Readings;
using Microsoft.Extensions.Logging;

namespace Aizu.Ingest;

/// <summary>
/// Applies <see cref="ReadingAdmission"/>, counts what it refuses and logs each kind of problem once
/// per episode: a Pi with an unset clock produces a refused reading every few seconds, and the log
/// must still show what went wrong. Used by the single ingest loop only, so not thread-safe.
/// </summary>
/// <remarks>
/// A clock set back (by hand, or NTP correcting a clock that ran ahead) stamps new readings inside time already
/// stored. Taken as they come they would interleave with the readings of that time, make a cumulative register run
/// backwards there (a negative energy) and move the panel's last reading back. So, per series, a reading stamped
/// before the last one admitted in this run is refused and counted until the clock passes that instant again; the
/// step is reported once. Energy is not lost: the next admitted register reading carries the total.
/// </remarks>
internal sealed class AdmissionGate(IngestStatistics statistics, ILogger logger)
{
    private readonly HashSet<string> invalidSeriesLogged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> latestBySeries = new(StringComparer.Ordinal);
    private long coveredEpisode;
    private long clockEpisode;
    private long futureEpisode;

    public bool Admit(in Reading reading, DateTimeOffset now)
    {
        var verdict = ReadingAdmission.Check(reading, now);
        if (verdict == Admission.Accepted && latestBySeries.TryGetValue(reading.Series, out var latest) && reading.Timestamp < latest)
        {
            verdict = Admission.InsideStoredTime;
        }

        switch (verdict)
        {
            case Admission.Accepted:
                latestBySeries[reading.Series] = reading.Timestamp;
                EndEpisodes();
                return true;

            case Admission.InsideStoredTime:
                statistics.AddRejectedCovered();
                if (coveredEpisode++ == 0)
                {
                    statistics.AddClockStepBack();
                    logger.ClockSteppedBack(reading.Series, reading.Timestamp, latestBySeries[reading.Series] - reading.Timestamp, latestBySeries[reading.Series]);
                }

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

        if (coveredEpisode > 0)
        {
            logger.ClockCaughtUp(coveredEpisode);
            coveredEpisode = 0;
        }
    }
}
