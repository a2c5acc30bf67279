namespace Aizu.Panel.Benchmarks;

/// <summary>What the kernel counts for a process: bytes sent to the block device, CPU ticks, resident and peak memory.</summary>
internal readonly record struct ProcessCounters(long WriteBytes, long CpuTicks, long ResidentBytes, long PeakResidentBytes)
{
    public static ProcessCounters Read(int pid)
    {
        long writeBytes = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/io"))
        {
            if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
            {
                writeBytes = long.Parse(line.AsSpan("write_bytes:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the
        // 14th field of the line and stime the 15th, that is the 12th and 13th after ')'.
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long cpu = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kibibytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kibibytes(line);
            }
        }

        return new ProcessCounters(writeBytes, cpu, rss, hwm);
    }

    private static long Kibibytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
