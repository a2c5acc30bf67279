namespace Aizu.Gateway.Doctor;

/// <summary>
/// How fast the card under the data wears: the bytes the kernel wrote to that disk since boot, per day, against what a
/// consumer card takes, and the card's own wear report where it gives one (eMMC <c>life_time</c>, <c>pre_eol_info</c>).
/// SD-card wear is the most reported failure of home-energy systems on a Pi.
/// </summary>
/// <remarks>
/// SD cards publish no endurance figure; 300 full-card writes is the low end of what consumer TLC flash takes (300–1000
/// program/erase cycles, before write amplification), so the estimate errs on the short side.
/// </remarks>
internal static class StorageWearCheck
{
    private const double FullCardWrites = 300;
    private const double WarnYears = 5;

    public static DoctorCheck Run(string dataDirectory, string procRoot = "/proc", string sysRoot = "/sys")
    {
        if (BlockDevice(Path.GetFullPath(dataDirectory), procRoot) is not { } device)
        {
            return new DoctorCheck("card wear", DoctorOutcome.Ok, $"{dataDirectory} is not on a disk the kernel lists (a RAM disk or overlay): no wear to estimate");
        }

        var node = Path.Combine(sysRoot, "dev", "block", device);
        if (!Directory.Exists(node))
        {
            return new DoctorCheck("card wear", DoctorOutcome.Ok, $"disk {device} of {dataDirectory} is not listed under {sysRoot}/dev/block: no wear to estimate");
        }

        var resolved = new DirectoryInfo(node).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? node;
        var disk = File.Exists(Path.Combine(resolved, "partition")) ? Path.GetDirectoryName(resolved)! : resolved;
        string name = Path.GetFileName(disk);
        if (!TryReadWrittenBytes(disk, out long written) || !TryReadLong(Path.Combine(disk, "size"), out long sectors) || !TryUptimeDays(procRoot, out double days))
        {
            return new DoctorCheck("card wear", DoctorOutcome.Warning, $"the kernel's counters for {name} cannot be read", "Nothing to do; run 'aizu doctor' again after a day for an estimate.");
        }

        double capacity = sectors * 512.0;
        double perDay = written / Math.Max(days, 1.0 / 24);
        double years = perDay > 0 ? FullCardWrites * capacity / (perDay * 365) : double.PositiveInfinity;
        string rate = string.Create(CultureInfo.InvariantCulture,
            $"{perDay / 1e6:0} MB/day written to {name} ({capacity / 1e9:0.#} GB) since boot {days:0.#} days ago; at that rate a consumer card lasts {(double.IsInfinity(years) ? "indefinitely" : years > 100 ? "over 100 years" : $"about {years:0} years")}");

        // eMMC and some industrial cards report their own wear: life_time in 10 % steps, pre_eol_info 1 normal, 2 warning, 3 urgent.
        var lifeTime = ReadText(Path.Combine(disk, "device", "life_time"));
        var preEol = ReadText(Path.Combine(disk, "device", "pre_eol_info"));
        int usedTenths = lifeTime is null ? 0 : lifeTime.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseHex).Max();
        int eol = preEol is null ? 1 : ParseHex(preEol);
        if (lifeTime is not null)
        {
            rate += string.Create(CultureInfo.InvariantCulture, $"; the card reports {Math.Max(0, usedTenths - 1) * 10}–{Math.Min(100, usedTenths * 10)} % of its life used");
        }

        return eol >= 3 || usedTenths >= 10
            ? new DoctorCheck("card wear", DoctorOutcome.Fail, rate, "The card is worn out: copy the data (aizu export, or the database file) to a new card now.")
            : eol == 2 || usedTenths >= 9 || years < WarnYears
                ? new DoctorCheck("card wear", DoctorOutcome.Warning, rate,
                    "Writes are high for an SD card: keep the default durability and commit window (docs/configuration.md, Aizu:Storage), or use a high-endurance card or an SSD.")
                : new DoctorCheck("card wear", DoctorOutcome.Ok, rate);
    }

    // The disk (major:minor) of the mount that holds the path: the longest mount point that is a prefix of it.
    private static string? BlockDevice(string path, string procRoot)
    {
        string? best = null;
        int bestLength = -1;
        var mountInfo = ReadText(Path.Combine(procRoot, "self", "mountinfo"));
        foreach (var line in (mountInfo ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length < 5)
            {
                continue;
            }

            string mountPoint = fields[4].Replace("\\040", " ", StringComparison.Ordinal);
            bool holds = path == mountPoint || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (holds && mountPoint.Length > bestLength)
            {
                best = fields[2];
                bestLength = mountPoint.Length;
            }
        }

        // Major 0 is the kernel's anonymous devices: tmpfs, overlay, proc.
        return best is null || best.StartsWith("0:", StringComparison.Ordinal) ? null : best;
    }

    private static bool TryReadWrittenBytes(string disk, out long bytes)
    {
        bytes = 0;
        var fields = ReadText(Path.Combine(disk, "stat"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Field 7 of the block layer's stat is sectors written, always in 512-byte units.
        if (fields is not { Length: > 6 } || !long.TryParse(fields[6], CultureInfo.InvariantCulture, out long sectors))
        {
            return false;
        }

        bytes = sectors * 512;
        return true;
    }

    private static bool TryUptimeDays(string procRoot, out double days)
    {
        days = 0;
        var first = ReadText(Path.Combine(procRoot, "uptime"))?.Split(' ')[0];
        if (!double.TryParse(first, CultureInfo.InvariantCulture, out double seconds))
        {
            return false;
        }

        days = seconds / 86_400;
        return true;
    }

    private static bool TryReadLong(string path, out long value) => long.TryParse(ReadText(path), CultureInfo.InvariantCulture, out value);

    private static int ParseHex(string text) =>
        int.TryParse(text.Trim().Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value) ? value : 0;

    private static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
