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

    [Fact]
    public async Task DiskFullDuringAConsentChange_IsRefusedWithAClearMessage_ChangesNothing_AndTheLedgerVerifies()
    {
        using var disk = SmallDisk.Mount(megabytes: 32);
        string database = Path.Combine(disk.Path, "aizu-demo-data", "aizu.db");
        await using var gateway = GatewayProcess.Start(disk.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        // The demo city's catalogue asks for consents at start.
        JsonElement requested = default;
        await Eventually.TrueAsync(
            async () => (requested = await ConsentAsync(http, Purpose, Category)).ValueKind == JsonValueKind.Object,
            PanelStatus.Limit,
            () => $"the demo catalogue's request for {Purpose} / {Category}. Output:{Environment.NewLine}{gateway.Output}");
        var grant = new { purpose = Purpose, category = Category };

        disk.Fill();
        using (var refused = await http.PostAsJsonAsync("/api/consent/grants", grant))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), problem.ToString());
        }

        Assert.False((await ConsentAsync(http, Purpose, Category)).GetProperty("active").GetBoolean());

        disk.Free();
        using (var granted = await http.PostAsJsonAsync("/api/consent/grants", grant))
        {
            Assert.True(granted.IsSuccessStatusCode, $"{(int)granted.StatusCode}: {await granted.Content.ReadAsStringAsync()}");
        }

        Assert.True((await ConsentAsync(http, Purpose, Category)).GetProperty("active").GetBoolean());
        await gateway.StopAsync();
        // Doctor checks the ledger against the key of the city whose catalogue the grants answer: the demo city's.
        string config = Path.Combine(disk.Path, "doctor.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Aizu = new { Consent = new { CityPublicKeyPem = Aizu.Gateway.Demo.DemoCatalogue.CityPublicKeyPem } } }));
        await DoctorChecks.AssertOkAsync(["--database", database, "--config", config], "consent ledger");
        Assert.Empty(EmptyFiles(disk.Path));
        AssertNoStackTrace(gateway.Output);
    }

    [Fact]
    public async Task DiskFullDuringRollupsAndExports_AnswersCleanly_AndRollupsEqualRawOnceSpaceReturns()
    {
        using var disk = SmallDisk.Mount(megabytes: 32);
        string database = Path.Combine(disk.Path, "aizu-demo-data", "aizu.db");
        await using (var gateway = GatewayProcess.Start(disk.Path, ShortWindow, "run", "--demo", "--urls", "http://127.0.0.1:0"))
        {
            using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
            await PanelStatus.WaitForStoredAsync(http, 5, gateway);
            string today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            disk.Fill();
            // A query writes the rollups it asks for; on a full disk it answers from what it can read or says why not.
            foreach (var query in new[] { $"/api/history?date={today}", $"/api/export?from={today}&to={today}&resolution=minute&format=csv" })
            {
                using var answer = await http.GetAsync(new Uri(query, UriKind.Relative));
                string body = await answer.Content.ReadAsStringAsync();
                Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{query} answered {(int)answer.StatusCode}: {body}");
                if (answer.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    // Not offered as a download: a browser must not save the problem as the export.
                    Assert.Null(answer.Content.Headers.ContentDisposition);
                }
            }

            // aizu export into a file on the full disk: fails, in one line, and does not claim success.
            string exportFile = Path.Combine(disk.Path, "export.csv");
            var export = await ExportToFileAsync(database, exportFile, today);
            Assert.NotEqual(0, export.Code);
            Assert.Single(export.Error.Trim().Split('\n'));
            AssertNoStackTrace(export.Error);
            // The shell created the file before the program ran; on the exit code a script removes it, as this does.
            File.Delete(exportFile);

            // A clean stop on the full disk: it cannot write what waits and says so, but it stops.
            await gateway.StopAsync();
            AssertNoStackTrace(gateway.Output);
        }

        disk.Free();
        var before = await StoreSnapshot.ReadAsync(database);
        await using (var again = GatewayProcess.Start(disk.Path, ShortWindow, "run", "--demo", "--urls", "http://127.0.0.1:0"))
        {
            using var http = await PanelSignIn.SignInAsync(await again.PanelAsync());
            long stored = await PanelStatus.ReadingsStoredAsync(http);
            await PanelStatus.WaitForStoredAsync(http, stored + 5, again);
            Assert.Equal(0, await again.StopAsync());
            AssertNoStackTrace(again.Output);
        }

        var after = await StoreSnapshot.ReadAsync(database, withMinutes: true);
        var kept = after.Raw.ToHashSet();
        Assert.All(before.Raw, p => Assert.Contains(p, kept));
        RollupCheck.MinutesAgainstRaw(after);
        Assert.Empty(EmptyFiles(disk.Path));
    }

    // The demo city's catalogue asks for these at start.
    private const string Purpose = "city-energy-planning";
    private const string Category = "elec.import.energy";

    private static async Task<JsonElement> ConsentAsync(HttpClient http, string purpose, string category) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/consent")).GetProperty("consents").EnumerateArray()
            .FirstOrDefault(c => c.GetProperty("purpose").GetString() == purpose && c.GetProperty("category").GetString() == category);

    // As an installer runs it: the shell creates the file, the program's exit code says whether it holds the export.
    private static async Task<(int Code, string Error)> ExportToFileAsync(string database, string file, string day)
    {
        var info = new ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec dotnet \"$0\" export --database \"$1\" --from \"$2\" --to \"$3\" --resolution raw > \"$4\"");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aizu.dll"));
        foreach (var argument in new[] { database, day, DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), file })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    // Every fault is one line for the household or installer; a stack trace means something went unhandled.
    private static void AssertNoStackTrace(string output) =>
        Assert.False(output.Contains("   at ", StringComparison.Ordinal), $"a stack trace in the gateway's output:{Environment.NewLine}{output}");

    // SQLite's WAL and shared-memory files are empty after a checkpoint by design; anything else empty is damage.
    private static List<string> EmptyFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length == 0 && !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal))];
}
