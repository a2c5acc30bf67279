namespace Aizu.Storage.Benchmarks;

/// <summary>Appends the one-day data set to a fresh store and to a row-per-reading table; measures time and bytes.</summary>
public static class DiskAndIngestBenchmark
{
    /// <summary>What one store run measured.</summary>
    public sealed record StoreRun(int BatchSize, TimeSpan Elapsed, TimeSpan Cpu, long Points, long ChunkBlobBytes, long? ChunkPageBytes, long ChunkRows, long OpenRows, long FileBytes)
    {
        /// <summary>CPU time of the maintenance pass after the ingest (joining the day's sealed chunks), not part of <see cref="Cpu"/>.</summary>
        public TimeSpan MaintenanceCpu { get; init; }

        /// <summary>The chunk table's pages as ingest left them, before the maintenance pass.</summary>
        public long? ChunkPageBytesBeforeMaintenance { get; init; }

        /// <summary>The whole file as ingest left it, before the maintenance pass.</summary>
        public long FileBytesBeforeMaintenance { get; init; }

        /// <summary>Bytes of the file's free pages after that pass (the replaced chunks' pages, reused by the next chunks).</summary>
        public long FreeBytes { get; init; }

        public double ReadingsPerSecond => Points / Elapsed.TotalSeconds;

        public double ReadingsPerCpuSecond => Points / Cpu.TotalSeconds;
    }

    public static async Task<StoreRun> AppendToStoreAsync(IReadOnlyList<Reading> day, string directory, int batchSize)
    {
        var path = Path.Combine(directory, $"store-batch{batchSize}.db");
        DeleteDatabase(path);
        TimeSpan elapsed;
        TimeSpan cpu;
        TimeSpan maintenanceCpu;
        await using (var store = BenchmarkStore.Open(path))
        {
            var readings = (Reading[])day;
            GC.Collect();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < readings.Length; i += batchSize)
            {
                await store.AppendAsync(new ArraySegment<Reading>(readings, i, Math.Min(batchSize, readings.Length - i)), CancellationToken.None);
            }

            elapsed = stopwatch.Elapsed;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        }

        SqliteFile.Checkpointed(path);
        var beforeMaintenance = (
            PageBytes: SqliteFile.PageBytes(path, "chunk", "chunk_by_series", "chunk_by_end"),
            FileBytes: SqliteFile.Checkpointed(path));

        // What a gateway's maintenance does within the minute after such a day (it runs every MaintenanceInterval).
        await using (var store = BenchmarkStore.Open(path))
        {
            var maintenanceBefore = Process.GetCurrentProcess().TotalProcessorTime;
            await store.RunMaintenanceAsync(CancellationToken.None);
            maintenanceCpu = Process.GetCurrentProcess().TotalProcessorTime - maintenanceBefore;
        }

        var fileBytes = SqliteFile.Checkpointed(path);
        return new StoreRun(
            batchSize,
            elapsed,
            cpu,
            day.Count,
            Convert.ToInt64(SqliteFile.Scalar(path, "SELECT sum(length(data)) FROM chunk;"), System.Globalization.CultureInfo.InvariantCulture),
            SqliteFile.PageBytes(path, "chunk", "chunk_by_series", "chunk_by_end"),
            Convert.ToInt64(SqliteFile.Scalar(path, "SELECT count(*) FROM chunk;"), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(SqliteFile.Scalar(path, "SELECT count(*) FROM open_reading;"), System.Globalization.CultureInfo.InvariantCulture),
            fileBytes)
        {
            MaintenanceCpu = maintenanceCpu,
            ChunkPageBytesBeforeMaintenance = beforeMaintenance.PageBytes,
            FileBytesBeforeMaintenance = beforeMaintenance.FileBytes,
            FreeBytes = Convert.ToInt64(SqliteFile.Scalar(path, "SELECT freelist_count * page_size FROM pragma_freelist_count, pragma_page_size;"), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The version 1 layout: one row per reading, WAL, WITHOUT ROWID, one transaction per 43 200 rows.</summary>
    public static (TimeSpan Elapsed, long FileBytes) AppendToRowTable(IReadOnlyList<Reading> day, string directory)
    {
        var path = Path.Combine(directory, "rows.db");
        DeleteDatabase(path);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                // The version 1 store's row table, exactly as its first migration step made it.
                setup.CommandText = "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\n" + StorageSchema.Component.Steps[0];
                setup.ExecuteNonQuery();
            }

            var ids = new Dictionary<string, long>();
            for (var s = 0; s < BenchmarkData.SeriesNames.Length; s++)
            {
                using var insertSeries = connection.CreateCommand();
                insertSeries.CommandText = "INSERT INTO series(id, name, unit) VALUES ($id, $name, 'W');";
                insertSeries.Parameters.AddWithValue("$id", s + 1);
                insertSeries.Parameters.AddWithValue("$name", BenchmarkData.SeriesNames[s]);
                insertSeries.ExecuteNonQuery();
                ids[BenchmarkData.SeriesNames[s]] = s + 1;
            }

            var stopwatch = Stopwatch.StartNew();
            const int BatchSize = 43_200;
            for (var i = 0; i < day.Count; i += BatchSize)
            {
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO reading(series_id, ts_ms, value, quality) VALUES ($s, $t, $v, 0);";
                var seriesId = insert.Parameters.Add("$s", SqliteType.Integer);
                var timestamp = insert.Parameters.Add("$t", SqliteType.Integer);
                var value = insert.Parameters.Add("$v", SqliteType.Real);
                insert.Prepare();
                for (var j = i; j < Math.Min(day.Count, i + BatchSize); j++)
                {
                    seriesId.Value = ids[day[j].Series];
                    timestamp.Value = day[j].Timestamp.ToUnixTimeMilliseconds();
                    value.Value = day[j].Value;
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            var elapsed = stopwatch.Elapsed;
            connection.Close();
            return (elapsed, SqliteFile.Checkpointed(path));
        }
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
