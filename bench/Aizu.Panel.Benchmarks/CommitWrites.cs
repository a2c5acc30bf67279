namespace Aizu.Panel.Benchmarks;

/// <summary>
/// Where the bytes of each commit go: the store alone, in this process, fed what the B-route meter gives the gateway
/// (power and R/T current every 2 s, the import and export registers every 30 s) on a simulated clock, so a day of
/// commit windows (checkpoints included) runs in a minute. Reports the kernel's write count for the process and every
/// WAL frame by the table or index its page belongs to.
/// </summary>
internal static class CommitWrites
{
    private const int WalHeaderBytes = 32;
    private const int FrameHeaderBytes = 24;

    public static async Task RunAsync(int months, double hours, TimeSpan commitWindow)
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu.db");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        if (months > 0)
        {
            await using var history = new ReadingStore(Options.Create(new StorageOptions { DatabasePath = database }), NullLogger<ReadingStore>.Instance, new HouseholdCalendar(zone));
            await HouseholdHistory.WriteAsync(history, start, months, CancellationToken.None);
        }

        var clock = new FakeTimeProvider(start);
        var options = new StorageOptions { DatabasePath = database, CommitWindow = commitWindow };
        var frames = new Dictionary<uint, long>();
        long walFrames = 0;
        long commits = 0;
        long before;
        long after;
        var elapsed = Stopwatch.StartNew();
        await using (var store = new ReadingStore(Options.Create(options), NullLogger<ReadingStore>.Instance, clock, new UnlimitedSpace(), new HouseholdCalendar(zone)))
        {
            // Opening rebuilds the open rollups: not part of the steady state.
            await store.FlushAsync(CancellationToken.None);
            var wal = new WalReader(database + "-wal");
            wal.Skip();
            before = WriteBytes();
            var end = start.AddHours(hours);
            var random = new Random(7);
            double import = 10_000, export = 100;
            for (var t = start; t < end; t = t.AddSeconds(2))
            {
                var batch = new List<Reading>
                {
                    new(SeriesNames.ElectricPower, t, Math.Round(300 + (random.NextDouble() * 900)), Units.Watt),
                    new(SeriesNames.ElectricCurrentR, t, Math.Round(random.NextDouble() * 10, 1), Units.Ampere),
                    new(SeriesNames.ElectricCurrentT, t, Math.Round(random.NextDouble() * 10, 1), Units.Ampere),
                };
                if (t.Second % 30 == 0)
                {
                    import += 0.1;
                    export += 0.01;
                    batch.Add(new Reading(SeriesNames.ElectricImportEnergy, t, Math.Round(import, 1), Units.KilowattHour));
                    batch.Add(new Reading(SeriesNames.ElectricExportEnergy, t, Math.Round(export, 2), Units.KilowattHour));
                }

                await store.AppendAsync(batch, CancellationToken.None);
                var waiting = store.PendingCount;
                clock.Advance(TimeSpan.FromSeconds(2));
                if (store.PendingCount < waiting || commitWindow <= TimeSpan.Zero)
                {
                    // The timer's commit ran on the callback, inside Advance (the writer lock was free).
                    commits++;
                    walFrames += wal.Collect(frames);
                }
            }

            after = WriteBytes();
        }

        var names = PageOwners(database);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Commit window {commitWindow}, store of {months} months, {hours} simulated hours, {commits} commits in {elapsed.Elapsed.TotalSeconds:F0} s"));
        double perCommit = (after - before) / (double)Math.Max(1, commits);
        double perDay = (after - before) * 24 / hours;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  write_bytes: {after - before:N0} = {perCommit:N0} per commit = {perDay / 1e6:F1} MB/day"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  WAL frames: {walFrames:N0} = {walFrames / (double)Math.Max(1, commits):F2} per commit ({walFrames * (PageSize(database) + FrameHeaderBytes) / (double)Math.Max(1, commits):N0} bytes); by owner of the page:"));
        foreach (var group in frames.GroupBy(f => names.GetValueOrDefault(f.Key, f.Key == 1 ? "page 1 (header)" : "freelist or new")).OrderByDescending(g => g.Sum(f => f.Value)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {group.Key,-24} {group.Sum(f => f.Value) / (double)Math.Max(1, commits),6:F2} frames/commit, {group.Count(),5} distinct pages"));
        }
    }

    private static long WriteBytes() => ProcessCounters.Read(Environment.ProcessId).WriteBytes;

    private static long PageSize(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Which table or index each page belongs to, from the dbstat table of the sqlite3 shell (the bundled SQLite has none).</summary>
    private static Dictionary<uint, string> PageOwners(string database)
    {
        var owners = new Dictionary<uint, string>();
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-readonly");
        start.ArgumentList.Add(database);
        start.ArgumentList.Add("SELECT name, pageno FROM dbstat;");
        try
        {
            using var shell = Process.Start(start)!;
            while (shell.StandardOutput.ReadLine() is { } line)
            {
                var bar = line.LastIndexOf('|');
                owners[uint.Parse(line.AsSpan(bar + 1), CultureInfo.InvariantCulture)] = line[..bar];
            }

            shell.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("  (no sqlite3 shell: pages are not attributed to tables)");
        }

        return owners;
    }

    /// <summary>Reads the frames appended to a WAL file since the last call, following it when a checkpoint restarts it.</summary>
    private sealed class WalReader(string path)
    {
        private long offset = WalHeaderBytes;
        private uint salt1;

        public void Skip() => Collect([]);

        public long Collect(Dictionary<uint, long> frames)
        {
            if (!File.Exists(path))
            {
                return 0;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < WalHeaderBytes)
            {
                return 0;
            }

            var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8));
            var salt = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16));
            if (salt != salt1)
            {
                // Restarted after a checkpoint: its frames begin again after the header.
                salt1 = salt;
                offset = WalHeaderBytes;
            }

            long count = 0;
            while (offset + FrameHeaderBytes + pageSize <= bytes.Length && BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)offset + 8)) == salt)
            {
                var page = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)offset));
                frames[page] = frames.GetValueOrDefault(page) + 1;
                count++;
                offset += FrameHeaderBytes + pageSize;
            }

            return count;
        }
    }

    private sealed class UnlimitedSpace : IFreeSpaceProbe
    {
        public long GetAvailableBytes(string directory) => long.MaxValue / 4;

        public long GetTotalBytes(string directory) => long.MaxValue / 2;
    }
}
