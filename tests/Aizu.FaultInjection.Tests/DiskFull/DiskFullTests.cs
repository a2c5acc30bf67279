using System.Net;
using Aizu.FaultInjection.Tests.Harness;

namespace Aizu.FaultInjection.Tests.DiskFull;

/// <summary>
/// The demo gateway with its data on a small file system that a test fills to the last byte: it says so in one line
/// (no stack trace), the panel stays up, nothing it had stored is lost or left as an empty file, and it carries on by
/// itself once space returns.
/// </summary>
public sealed class DiskFullTests
{
    private static readonly Dictionary<string, string> ShortWindow = new() { ["AIZU_Aizu__Storage__CommitWindow"] = "00:00:05" };

    [Fact]
    public async Task DiskFullDuringIngest_IsReported_PanelStaysUp_AndIngestResumesWithNothingLost()
    {
        using var disk = SmallDisk.Mount(megabytes: 32);
        string database = Path.Combine(disk.Path, "aizu-demo-data", "aizu.db");

        // A short commit window: the full disk shows when the window's commit fails, so the test need not wait the default 60 s.
        await using var gateway = GatewayProcess.Start(disk.Path, ShortWindow, "run", "--demo", "--urls", "http://127.0.0.1:0");
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        await PanelStatus.WaitForStoredAsync(http, 5, gateway);
        var before = await StoreSnapshot.ReadAsync(database);

        disk.Fill();
        await Eventually.TrueAsync(
            () => gateway.Output.Contains("Cannot store readings", StringComparison.Ordinal),
            PanelStatus.Limit,
            () => $"the gateway reported the full disk. Output:{Environment.NewLine}{gateway.Output}");
        using (var shell = await http.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, shell.StatusCode);
        }

        Assert.False(gateway.HasExited, gateway.Output);
        long whileFull = await PanelStatus.ReadingsStoredAsync(http);

        disk.Free();
        await PanelStatus.WaitForStoredAsync(http, whileFull + 5, gateway);
        await gateway.KillAsync();

        var after = (await StoreSnapshot.ReadAsync(database)).Raw.ToHashSet();
        Assert.All(before.Raw, p => Assert.Contains(p, after));
        Assert.Empty(EmptyFiles(disk.Path));
        AssertNoStackTrace(gateway.Output);
    }

    [Fact]
    public async Task DiskFullDuringFirstPasswordSetup_LeavesNoDamagedFile_AndSetupWorksWhenSpaceReturns()
    {
        using var disk = SmallDisk.Mount(megabytes: 32);
        await using var gateway = GatewayProcess.Start(disk.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        var panel = await gateway.PanelAsync();
        string setupCode = gateway.SetupCode ?? throw new InvalidOperationException($"no setup code printed:{Environment.NewLine}{gateway.Output}");

        disk.Fill();
        using var refused = PanelSignIn.NewClient(panel);
        await Assert.ThrowsAsync<HttpRequestException>(() => PanelSignIn.SignInAsync(refused, setupCode: setupCode));
        Assert.Empty(EmptyFiles(disk.Path));

        disk.Free();
        using var http = PanelSignIn.NewClient(panel);
        await PanelSignIn.SignInAsync(http, setupCode: setupCode);
        Assert.True(await PanelStatus.ReadingsStoredAsync(http) >= 0);
        Assert.Empty(EmptyFiles(disk.Path));
        AssertNoStackTrace(gateway.Output);
    }

    [Fact]
    public async Task NearlyFullSmallDisk_FloorScalesWithTheDisk_NothingStoredIsDropped_AndIngestGoesOn()
    {
        using var disk = SmallDisk.Mount(megabytes: 32);
        string database = Path.Combine(disk.Path, "aizu-demo-data", "aizu.db");
        string config = Path.Combine(disk.Path, "aizu.json");
        await File.WriteAllTextAsync(config, """{ "Aizu": { "Storage": { "MaintenanceInterval": "00:00:02" } } }""");
        await using var gateway = GatewayProcess.Start(disk.Path, "run", "--demo", "--config", config, "--urls", "http://127.0.0.1:0");
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        await PanelStatus.WaitForStoredAsync(http, 5, gateway);

        // The 256 MB default floor would call a 32 MB disk full forever; at most a tenth of the disk is kept free.
        var storage = await PanelStatus.StorageAsync(http);
        Assert.Equal(32L * 1024 * 1024 / 10, storage.GetProperty("floorBytes").GetInt64());
        Assert.Equal("ok", storage.GetProperty("state").GetString());
        var before = await StoreSnapshot.ReadAsync(database);

        // Another file takes the disk down to 2 MB free: below the floor, which the store cannot meet by dropping
        // history, so it drops nothing, says so, and keeps storing in the space that is left.
        disk.FillLeaving(2L * 1024 * 1024);
        await Eventually.TrueAsync(
            async () => (storage = await PanelStatus.StorageAsync(http)).GetProperty("state").GetString() == "critical",
            PanelStatus.Limit,
            () => $"the panel reported the disk below its floor (storage: {storage}). Output:{Environment.NewLine}{gateway.Output}");
        Assert.Contains("nearly full", storage.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, storage.GetProperty("rawChunksDroppedForSpace").GetInt64());
        long stored = await PanelStatus.ReadingsStoredAsync(http);
        await PanelStatus.WaitForStoredAsync(http, stored + 5, gateway);
        await gateway.KillAsync();

        var after = (await StoreSnapshot.ReadAsync(database)).Raw.ToHashSet();
        Assert.All(before.Raw, p => Assert.Contains(p, after));
        AssertNoStackTrace(gateway.Output);
    }

    // Every fault is one line for the household or installer; a stack trace means something went unhandled.
    private static void AssertNoStackTrace(string output) =>
        Assert.False(output.Contains("   at ", StringComparison.Ordinal), $"a stack trace in the gateway's output:{Environment.NewLine}{output}");

    // SQLite's WAL and shared-memory files are empty after a checkpoint by design; anything else empty is damage.
    private static List<string> EmptyFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length == 0 && !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal))];
}
