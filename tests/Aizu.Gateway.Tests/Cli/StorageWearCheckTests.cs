namespace Aizu.Gateway.Tests.Cli;

/// <summary>
/// The doctor's card-wear estimate over a kernel tree laid out as a Raspberry Pi's: <c>/proc/self/mountinfo</c>, the
/// uptime, and the SD card's block-layer counters and (eMMC) wear report under <c>/sys</c>.
/// </summary>
public sealed class StorageWearCheckTests : IDisposable
{
    private const long CardSectors = 62_333_952; // a 32 GB card
    private readonly TemporaryDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void ModestWrites_AndAYoungCard_AreOk_WithTheEstimate()
    {
        Pi(writtenPerDay: 1e9, days: 10, lifeTime: "0x02 0x01", preEol: "0x01");

        var check = Run();

        Assert.Equal(DoctorOutcome.Ok, check.Outcome);
        Assert.Equal("1000 MB/day written to mmcblk0 (31.9 GB) since boot 10 days ago; at that rate a consumer card lasts about 26 years; the card reports 10–20 % of its life used", check.Detail);
    }

    [Theory]
    // Heavy writes on a card that reports nothing: a warning pointing at the storage settings.
    [InlineData(20e9, 2, null, null, "Warning", "about 1 years", "Aizu:Storage")]
    // A card reporting urgent end of life: a failure asking for a new card.
    [InlineData(1e8, 30, "0x0A 0x0A", "0x03", "Fail", "90–100 % of its life used", "new card")]
    public void AWornOrOverwrittenCard_IsReported_WithItsFix(double writtenPerDay, int days, string? lifeTime, string? preEol, string outcome, string detail, string fix)
    {
        Pi(writtenPerDay, days, lifeTime, preEol);

        var check = Run();

        // The outcome by name: the enum is the gateway's own (internal), a public theory cannot take it.
        Assert.Equal(outcome, check.Outcome.ToString());
        Assert.Contains(detail, check.Detail, StringComparison.Ordinal);
        Assert.Contains(fix, check.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void DataOnARamDisk_HasNoWearToEstimate()
    {
        Directory.CreateDirectory(root.File("proc/self"));
        File.WriteAllText(root.File("proc/self/mountinfo"), "24 23 0:22 / /var/lib/aizu rw,relatime - tmpfs tmpfs rw\n");

        var check = StorageWearCheck.Run("/var/lib/aizu", root.File("proc"), root.File("sys"));

        Assert.Equal(DoctorOutcome.Ok, check.Outcome);
        Assert.Contains("no wear to estimate", check.Detail, StringComparison.Ordinal);
    }

    private DoctorCheck Run() => StorageWearCheck.Run("/var/lib/aizu", root.File("proc"), root.File("sys"));

    private void Pi(double writtenPerDay, double days, string? lifeTime, string? preEol)
    {
        Directory.CreateDirectory(root.File("proc/self"));
        File.WriteAllText(root.File("proc/self/mountinfo"),
            "21 1 179:2 / / rw,noatime - ext4 /dev/root rw\n" +
            "22 21 0:20 / /proc rw,relatime - proc proc rw\n");
        File.WriteAllText(root.File("proc/uptime"), $"{days * 86_400:0.00} 1234.56\n");

        var disk = root.File("sys/devices/platform/emmc2bus/mmc_host/mmc0/mmc0:aaaa/block/mmcblk0");
        Directory.CreateDirectory(Path.Combine(disk, "mmcblk0p2"));
        File.WriteAllText(Path.Combine(disk, "mmcblk0p2", "partition"), "2\n");
        File.WriteAllText(Path.Combine(disk, "size"), $"{CardSectors}\n");
        long sectors = (long)(writtenPerDay * days / 512);
        File.WriteAllText(Path.Combine(disk, "stat"), $"   12345 0 987654 4321 {sectors / 8} 0 {sectors} 99999 0 12000 104000 0 0 0 0\n");
        Directory.CreateDirectory(Path.Combine(disk, "device"));
        if (lifeTime is not null)
        {
            File.WriteAllText(Path.Combine(disk, "device", "life_time"), lifeTime + "\n");
        }

        if (preEol is not null)
        {
            File.WriteAllText(Path.Combine(disk, "device", "pre_eol_info"), preEol + "\n");
        }

        Directory.CreateDirectory(root.File("sys/dev/block"));
        File.CreateSymbolicLink(root.File("sys/dev/block/179:2"), Path.Combine(disk, "mmcblk0p2"));
    }
}
