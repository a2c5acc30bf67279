using Aizu.Readings;
using Microsoft.Data.Sqlite;

namespace Aizu.Storage;

public sealed partial class ReadingStore
{
    /// <summary>The reading of <paramref name="series"/> with the latest timestamp, or null when there is none.</summary>
    public Task<Reading?> GetLatestAsync(string series, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        return ReadAsync<Reading?>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT r.ts_ms, r.value, r.quality, s.unit
                FROM reading r JOIN series s ON s.id = r.series_id
                WHERE s.name = $name
                ORDER BY r.ts_ms DESC LIMIT 1;
                """;
            command.Parameters.AddWithValue("$name", series);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ToReading(series, reader) : null;
        }, cancellationToken);
    }

    /// <summary>Readings of <paramref name="series"/> with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, oldest first.</summary>
    public Task<IReadOnlyList<Reading>> GetRangeAsync(string series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        return ReadAsync<IReadOnlyList<Reading>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT r.ts_ms, r.value, r.quality, s.unit
                FROM reading r JOIN series s ON s.id = r.series_id
                WHERE s.name = $name AND r.ts_ms >= $from AND r.ts_ms < $to
                ORDER BY r.ts_ms;
                """;
            command.Parameters.AddWithValue("$name", series);
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            using var reader = command.ExecuteReader();
            var readings = new List<Reading>();
            while (reader.Read())
            {
                readings.Add(ToReading(series, reader));
            }

            return readings;
        }, cancellationToken);
    }

    /// <summary>
    /// Energy a cumulative register (<c>elec.import.energy</c>, kWh) counted in [<paramref name="from"/>, <paramref name="to"/>):
    /// the latest value at or before <paramref name="to"/> minus the last value at or before <paramref name="from"/>
    /// (or, when nothing precedes <paramref name="from"/>, the first value after it). Null when the series
    /// has no value in that span.
    /// </summary>
    /// <remarks>
    /// A register that goes down was reset or rolled over. Instead of a negative total the rises are
    /// summed: each non-decreasing run contributes its last minus its first value. What the meter
    /// counted between the last reading before and the first after the reset is unknown and left out.
    /// </remarks>
    public Task<double?> GetCumulativeDeltaAsync(string series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end of the span precedes its start.");
        }

        return ReadAsync(connection =>
        {
            // One read transaction gives all three statements the same snapshot while appends go on.
            using var transaction = connection.BeginTransaction(deferred: true);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$name", series);
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            command.CommandText = """
                SELECT coalesce(
                    (SELECT r.ts_ms FROM reading r JOIN series s ON s.id = r.series_id
                     WHERE s.name = $name AND r.ts_ms <= $from ORDER BY r.ts_ms DESC LIMIT 1),
                    (SELECT r.ts_ms FROM reading r JOIN series s ON s.id = r.series_id
                     WHERE s.name = $name AND r.ts_ms >= $from AND r.ts_ms <= $to ORDER BY r.ts_ms LIMIT 1));
                """;
            if (command.ExecuteScalar() is not long start)
            {
                return (double?)null;
            }

            command.CommandText = """
                SELECT r.value FROM reading r JOIN series s ON s.id = r.series_id
                WHERE s.name = $name AND r.ts_ms >= $start AND r.ts_ms <= $to
                ORDER BY r.ts_ms;
                """;
            command.Parameters.AddWithValue("$start", start);
            using var reader = command.ExecuteReader();
            return RegisterArithmetic.SumOfRises(Values(reader));
        }, cancellationToken);
    }

    /// <summary>The number of stored readings across all series.</summary>
    /// <remarks>Counts the table on each call; fine for a status page, not for a hot path.</remarks>
    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM reading;";
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> query, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!schemaReady)
        {
            // The file was not openable at start-up: try again, and create the schema if that works.
            await writeLock.WaitAsync(cancellationToken);
            try
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                OpenWriter();
            }
            finally
            {
                writeLock.Release();
            }
        }

        try
        {
            using var connection = new SqliteConnection(readerConnectionString);
            connection.Open();
            return query(connection);
        }
        catch (SqliteException exception) when (SqliteFailures.TryTranslate(exception, path) is { } unavailable)
        {
            throw unavailable;
        }
    }

    private static IEnumerable<double> Values(SqliteDataReader reader)
    {
        while (reader.Read())
        {
            yield return reader.GetDouble(0);
        }
    }

    private static Reading ToReading(string series, SqliteDataReader reader) => new(
        series,
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
        reader.GetDouble(1),
        reader.GetString(3),
        (ReadingQuality)reader.GetInt32(2));
}
