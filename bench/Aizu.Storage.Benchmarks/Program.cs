// dotnet run -c Release --project bench/Aizu.Storage.Benchmarks -- [--work DIR] [--months 13] [--runs 200] [--skip-influx] [--skip-query]
var work = Path.Combine(Path.GetTempPath(), "aizu-storage-bench");
var months = 13;
var runs = 200;
var influx = File.Exists(InfluxBenchmark.Daemon);
var query = true;
int[] batches = [43_200, 4_320, 256];
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--work": work = args[++i]; break;
        case "--months": months = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--skip-influx": influx = false; break;
        case "--skip-query": query = false; break;
        case "--batches": batches = args[++i].Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray(); break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}");
            return 2;
    }
}

Directory.CreateDirectory(work);
var output = Console.Out;
output.WriteLine($"Aizu storage benchmark — {DateTime.UtcNow:u}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, work dir {work}");
output.WriteLine($"Load average at start: {LoadAverage()}");
output.WriteLine();

var day = new BenchmarkData(seed: 42).OneDay(BenchmarkData.Day);
var points = day.Length;
output.WriteLine($"Data: {BenchmarkData.SeriesCount} series x 1 day at 1 Hz = {points:N0} points (integer watts, seed 42)");

CodecBenchmark.Run(day, 1);
var (encodeNs, decodeNs) = CodecBenchmark.Run(day, 20);
output.WriteLine($"Chunk codec alone (3600-point chunks, CPU time): encode {encodeNs:F1} ns/point, decode {decodeNs:F1} ns/point");

// Warm-up on a throw-away store so JIT time is not billed to the measured run.
await DiskAndIngestBenchmark.AppendToStoreAsync(day[..(12 * 7_200)], work, 43_200);

// "On one core": the whole process (writer thread, GC, thread pool) is pinned to CPU 0 while appending.
var process = Process.GetCurrentProcess();
var allCores = process.ProcessorAffinity;
process.ProcessorAffinity = 1;
var runsByBatch = new List<DiskAndIngestBenchmark.StoreRun>();
foreach (var batch in batches)
{
    runsByBatch.Add(await DiskAndIngestBenchmark.AppendToStoreAsync(day, work, batch));
}

var rows = DiskAndIngestBenchmark.AppendToRowTable(day, work);
process.ProcessorAffinity = allCores;

var store = runsByBatch[0];
output.WriteLine();
output.WriteLine("Ingest into the store, one core (process pinned to CPU 0), synchronous=FULL, CommitWindow 0: one durable transaction per AppendAsync:");
foreach (var run in runsByBatch)
{
    output.WriteLine($"  batches of {run.BatchSize,6:N0} readings: {run.Elapsed.TotalSeconds,6:F2} s = {run.ReadingsPerSecond,12:N0} readings/s wall clock; {run.Cpu.TotalSeconds,6:F2} s CPU = {run.ReadingsPerCpuSecond,12:N0} readings per CPU second; then maintenance (joining chunks) {run.MaintenanceCpu.TotalMilliseconds:F0} ms CPU");
}

output.WriteLine($"  row-per-reading SQLite, same batches of 43,200: {rows.Elapsed.TotalSeconds:F2} s = {points / rows.Elapsed.TotalSeconds:N0} readings/s");

InfluxBenchmark.InfluxRun? influxRun = null;
if (influx)
{
    output.WriteLine();
    output.WriteLine($"InfluxDB 1.6 (installed influxd, loopback, line protocol, {batches[0]:N0} lines per POST as the store's batches, precision=s):");
    try
    {
        influxRun = await InfluxBenchmark.RunAsync(day, batches[0], work, output, CancellationToken.None);
        output.WriteLine($"  {influxRun.PointsPerSecond:N0} points/s; {influxRun.TsmFiles} TSM file(s), {influxRun.TsmBytes:N0} bytes after compaction (waited {influxRun.CompactionWait.TotalSeconds:F0} s)");
    }
    catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
    {
        output.WriteLine($"  could not be measured: {exception.Message}");
    }
}

const double ReferenceInfluxBytes = 1.11;
const double ReferenceInfluxRate = 330_000;
var influxBytes = influxRun is null ? ReferenceInfluxBytes : influxRun.TsmBytes / (double)points;
var influxRate = influxRun?.PointsPerSecond ?? ReferenceInfluxRate;
var influxLabel = influxRun is null ? "reference, not measured in this run" : "measured in this run";

output.WriteLine();
output.WriteLine("Disk, bytes per point on the one-day data:");
output.WriteLine($"  Aizu chunks, encoded bytes (sum of chunk blobs, {store.ChunkRows} chunks, {store.OpenRows} points still open): {store.ChunkBlobBytes / (double)(points - store.OpenRows),6:F3}");
if (store.ChunkPageBytesBeforeMaintenance is { } ingestPageBytes)
{
    output.WriteLine($"  Aizu chunks ON DISK as ingest left them (3600-point chunks), before maintenance joins them:    {ingestPageBytes / (double)(points - store.OpenRows),6:F3}");
}

if (store.ChunkPageBytes is { } pageBytes)
{
    output.WriteLine($"  Aizu chunks ON DISK: SQLite pages of the chunk table and its indexes (dbstat):               {pageBytes / (double)(points - store.OpenRows),6:F3}");
}

output.WriteLine($"  Aizu whole file as ingest left it, before maintenance:                                           {store.FileBytesBeforeMaintenance / (double)points,6:F3}");
output.WriteLine($"  Aizu whole file (chunks + 1-min/15-min/1-h/day rollups + series), after checkpoint:             {store.FileBytes / (double)points,6:F3}");
output.WriteLine($"  Aizu whole file less its free pages (the joined chunks' predecessors, reused by the next chunks): {(store.FileBytes - store.FreeBytes) / (double)points,6:F3}");
output.WriteLine($"  Row-per-reading SQLite (WAL, WITHOUT ROWID), whole file after checkpoint:                       {rows.FileBytes / (double)points,6:F3}");
output.WriteLine($"  InfluxDB 1.6 TSM after compaction ({influxLabel}):                                   {influxBytes,6:F3}");
output.WriteLine();
output.WriteLine($"Ingest ratio at equal batches ({store.BatchSize:N0} readings, each durable when acknowledged), Aizu store (one core) / InfluxDB 1.6 ({influxLabel}): {store.ReadingsPerSecond / influxRate:F1}x");
if (store.ChunkPageBytes is { } onDisk)
{
    output.WriteLine($"Raw data on disk, Aizu chunk pages / InfluxDB TSM: {onDisk / (double)(points - store.OpenRows):F3} / {influxBytes:F3} bytes per point");
}


if (query)
{
    output.WriteLine();
    var path = Path.Combine(work, $"year-{months}m.db");
    output.WriteLine($"Query store: {months} months of 1 Hz data for 12 series at {path}");
    var (days, elapsed, reused) = await QueryBenchmark.EnsureStoreAsync(path, months, output);
    var size = new FileInfo(path).Length;
    long yearPoints = (long)days * points;
    output.WriteLine(reused
        ? $"  reused: {days} days, {yearPoints:N0} points, {size:N0} bytes"
        : $"  generated through AppendAsync in {elapsed.TotalSeconds:F0} s: {days} days, {yearPoints:N0} points, {size:N0} bytes ({size / (double)yearPoints:F3} bytes/point with rollups)");
    var blobs = Convert.ToInt64(SqliteFile.Scalar(path, "SELECT sum(length(data)) FROM chunk;"), CultureInfo.InvariantCulture);
    output.WriteLine($"  chunk blobs {blobs / (double)yearPoints:F3} bytes/point");
    foreach (var latency in await QueryBenchmark.RunAsync(path, days, runs))
    {
        output.WriteLine($"  {latency.Query}: {latency.PointsReturned} points; median {latency.Median:F2} ms, p95 {latency.P95:F2} ms, max {latency.Max:F2} ms over {latency.Runs} runs; {latency.CpuPerQuery:F2} ms CPU per query");
    }
}

output.WriteLine();
output.WriteLine($"Load average at end: {LoadAverage()}");
return 0;

// Other work on the machine shows in every wall-clock figure; print it beside them.
static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
