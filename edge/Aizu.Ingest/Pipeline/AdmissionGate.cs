using Aizu.Readings;
using Microsoft.Extensions.Logging;

namespace Aizu.Ingest;

/// <summary>
/// Applies <see cref="ReadingAdmission"/>, counts what it refuses and logs each kind of problem once
/// per episode: a Pi with an unset clock produces a refused reading every few seconds, and the log
/// must still show what went wrong. Used by the single ingest loop only, so not thread-safe.
/// </summary>
internal sealed class AdmissionGate(IngestStatistics statistics, ILogger logger)
{
    private readonly HashSet<string> invalidSeriesLogged = new(StringComparer.Ordinal);
    private long clockEpisode;
    private long futureEpisode;

    public bool Admit(in Reading reading, DateTimeOffset now)
    {
        switch (ReadingAdmission.Check(reading, now))
        {
            case Admission.Accepted:
                EndEpisodes();
                return true;

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
    }
}
