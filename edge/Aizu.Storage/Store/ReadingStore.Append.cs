using Aizu.Readings;
using Microsoft.Data.Sqlite;

namespace Aizu.Storage;

public sealed partial class ReadingStore
{
    /// <summary>
    /// Stores <paramref name="batch"/> in one transaction: all of it or none. A reading whose series
    /// already has a value at the same millisecond replaces that value (the meter's history is
    /// backfilled more than once). Returns once the data is on disk.
    /// </summary>
    /// <exception cref="ArgumentException">A reading has no series or unit, a non-finite value, or a unit
    /// other than the one its series was first stored with. Nothing is written.</exception>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is written.</exception>
    public async Task AppendAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (batch.Count == 0)
        {
            return;
        }

        ValidateShape(batch);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var connection = OpenWriter();
            ValidateUnits(batch);
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                Write(connection, batch);
            }
            catch (SqliteException exception) when (SqliteFailures.TryTranslate(exception, path) is { } unavailable)
            {
                CloseWriter();
                throw unavailable;
            }
        }
        finally
        {
            writeLock.Release();
        }
    }

    private void Write(SqliteConnection connection, IReadOnlyList<Reading> batch)
    {
        using var transaction = connection.BeginTransaction();

        using var insertSeries = connection.CreateCommand();
        insertSeries.Transaction = transaction;
        insertSeries.CommandText = "INSERT INTO series(name, unit) VALUES ($name, $unit) RETURNING id;";
        var seriesName = insertSeries.Parameters.Add("$name", SqliteType.Text);
        var seriesUnit = insertSeries.Parameters.Add("$unit", SqliteType.Text);

        using var insertReading = connection.CreateCommand();
        insertReading.Transaction = transaction;
        insertReading.CommandText =
            "INSERT OR REPLACE INTO reading(series_id, ts_ms, value, quality) VALUES ($series, $ts, $value, $quality);";
        var seriesId = insertReading.Parameters.Add("$series", SqliteType.Integer);
        var timestamp = insertReading.Parameters.Add("$ts", SqliteType.Integer);
        var value = insertReading.Parameters.Add("$value", SqliteType.Real);
        var quality = insertReading.Parameters.Add("$quality", SqliteType.Integer);

        // New series join the cache only after the commit, so a rolled-back batch leaves no phantom ids.
        Dictionary<string, SeriesRow>? created = null;
        foreach (var reading in batch)
        {
            if (!series.TryGetValue(reading.Series, out var row)
                && (created is null || !created.TryGetValue(reading.Series, out row)))
            {
                seriesName.Value = reading.Series;
                seriesUnit.Value = reading.Unit;
                row = new SeriesRow((long)insertSeries.ExecuteScalar()!, reading.Unit);
                (created ??= new(StringComparer.Ordinal))[reading.Series] = row;
            }

            seriesId.Value = row.Id;
            timestamp.Value = reading.Timestamp.ToUnixTimeMilliseconds();
            value.Value = reading.Value;
            quality.Value = (int)reading.Quality;
            insertReading.ExecuteNonQuery();
        }

        transaction.Commit();

        if (created is not null)
        {
            foreach (var (name, row) in created)
            {
                series[name] = row;
            }
        }
    }

    private static void ValidateShape(IReadOnlyList<Reading> batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var reading = batch[i];
            if (string.IsNullOrEmpty(reading.Series))
            {
                throw new ArgumentException($"Reading {i} of the batch has no series name.", nameof(batch));
            }

            if (string.IsNullOrEmpty(reading.Unit))
            {
                throw new ArgumentException($"Reading {i} of the batch ({reading.Series}) has no unit.", nameof(batch));
            }

            // SQLite would store NaN as NULL and lose the row's meaning.
            if (!double.IsFinite(reading.Value))
            {
                throw new ArgumentException($"Reading {i} of the batch ({reading.Series}) has the non-finite value {reading.Value}.", nameof(batch));
            }
        }
    }

    private void ValidateUnits(IReadOnlyList<Reading> batch)
    {
        Dictionary<string, string>? firstSeen = null;
        foreach (var reading in batch)
        {
            string expected;
            if (series.TryGetValue(reading.Series, out var row))
            {
                expected = row.Unit;
            }
            else
            {
                firstSeen ??= new(StringComparer.Ordinal);
                if (!firstSeen.TryAdd(reading.Series, reading.Unit))
                {
                    expected = firstSeen[reading.Series];
                }
                else
                {
                    continue;
                }
            }

            if (!string.Equals(expected, reading.Unit, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Series {reading.Series} is stored in {expected}; a reading in {reading.Unit} cannot be added to it.", nameof(batch));
            }
        }
    }
}
