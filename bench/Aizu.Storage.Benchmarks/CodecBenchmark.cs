namespace Aizu.Storage.Benchmarks;

/// <summary>
/// The chunk codec on its own: CPU nanoseconds per point to encode and to decode 3600-point chunks of
/// the one-day data (process CPU time, which a busy shared machine distorts less than wall time).
/// </summary>
public static class CodecBenchmark
{
    public static (double EncodeNs, double DecodeNs) Run(IReadOnlyList<Reading> day, int repeat)
    {
        var chunks = new List<(long[] Timestamps, double[] Values)>();
        for (var series = 0; series < BenchmarkData.SeriesCount; series++)
        {
            for (var hour = 0; hour < 24; hour++)
            {
                var timestamps = new long[3_600];
                var values = new double[3_600];
                for (var s = 0; s < 3_600; s++)
                {
                    var reading = day[(((hour * 3_600) + s) * BenchmarkData.SeriesCount) + series];
                    timestamps[s] = reading.Timestamp.ToUnixTimeMilliseconds();
                    values[s] = reading.Value;
                }

                chunks.Add((timestamps, values));
            }
        }

        var qualities = new byte[3_600];
        var encoded = new byte[chunks.Count][];
        var points = (double)chunks.Count * 3_600 * repeat;
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        for (var r = 0; r < repeat; r++)
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                encoded[i] = ChunkCodec.Encode(chunks[i].Timestamps, chunks[i].Values, qualities);
            }
        }

        process.Refresh();
        var encodeNs = (process.TotalProcessorTime - cpu).TotalNanoseconds / points;
        var outTimestamps = new long[3_600];
        var outValues = new double[3_600];
        var outQualities = new byte[3_600];
        cpu = process.TotalProcessorTime;
        for (var r = 0; r < repeat; r++)
        {
            foreach (var chunk in encoded)
            {
                ChunkCodec.Decode(chunk, outTimestamps, outValues, outQualities);
            }
        }

        process.Refresh();
        return (encodeNs, (process.TotalProcessorTime - cpu).TotalNanoseconds / points);
    }
}
