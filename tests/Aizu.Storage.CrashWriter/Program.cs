// Usage: Aizu.Storage.CrashWriter <database> <acknowledgement file> <seed>
// Appends batches until killed. After each AppendAsync returns, the batch is recorded in the
// acknowledgement file (flushed to disk) and only then announced on stdout, so the test knows every
// line in the file describes readings the store had promised to keep.
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: Aizu.Storage.CrashWriter <database> <ack file> <seed>");
    return 2;
}

var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
await using var store = new ReadingStore(
    Options.Create(new StorageOptions
    {
        DatabasePath = args[0],
        // Small chunks so that kills land in sealing transactions too; the data is from 2025, keep it.
        MaxChunkPoints = 64,
        RawRetentionMonths = 0,
        MinFreeSpaceMegabytes = 0,

        // An append is acknowledged (written to the ack file) only once it is on disk: commit every batch.
        CommitWindow = TimeSpan.Zero,
    }),
    NullLogger<ReadingStore>.Instance,
    new HouseholdCalendar(TimeZoneInfo.Utc));

var latest = await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None);
var next = latest is { } reading ? (long)(reading.Timestamp - CrashWorkload.Origin).TotalSeconds + 1 : 0;

await using var acks = new FileStream(args[1], FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
await using var ackWriter = new StreamWriter(acks);
for (var batchNumber = 0; ; batchNumber++)
{
    var count = random.Next(1, 150);
    var batch = new List<Reading>();
    for (var second = next; second < next + count; second++)
    {
        batch.AddRange(CrashWorkload.At(second));
    }

    // Now and then readings from the past: behind sealed chunks (late path) or inside the open chunk.
    var late = new List<long>();
    if (next > 0 && random.Next(3) == 0)
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var second = random.NextInt64(0, next);
            late.Add(second);
            batch.AddRange(CrashWorkload.At(second));
        }
    }

    await store.AppendAsync(batch, CancellationToken.None);

    await ackWriter.WriteLineAsync(string.Join(' ', new[] { next, count }.Concat(late)));
    await ackWriter.FlushAsync();
    acks.Flush(flushToDisk: true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {batchNumber}"));
    next += count;
}
