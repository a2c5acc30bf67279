using static Aizu.FaultInjection.Tests.Harness.AizuProgram;

namespace Aizu.FaultInjection.Tests.Kills;

/// <summary>
/// <c>aizu erase --yes</c> killed at every file it removes (strace injects SIGKILL at the n-th <c>unlink</c>/<c>rmdir</c>
/// of the process, for every n until one run completes): afterwards the gateway refuses to start on what is left
/// (half a household: an old password or pseudonym secret beside a new database), and <c>aizu erase --yes</c> again
/// finishes the erase: nothing of the household is left. Fails, never skips, without strace.
/// </summary>
public sealed class KillDuringEraseTests(ITestOutputHelper log)
{
    [Fact]
    public async Task An_erase_killed_at_any_file_is_finished_by_the_next_and_the_gateway_never_starts_half_erased()
    {
        var watch = Stopwatch.StartNew();
        using var directory = new TemporaryDirectory();
        var template = Path.Combine(directory.Path, "template");
        Directory.CreateDirectory(template);
        var config = Path.Combine(template, "aizu.json");
        await File.WriteAllTextAsync(config, "{}");

        // A household: the demo gateway ran, its panel was claimed (password, sessions, keys), it stopped cleanly.
        await using (var gateway = GatewayProcess.Start(template, "run", "--demo", "--config", config, "--urls", "http://127.0.0.1:0"))
        {
            using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
            Assert.Equal(0, await gateway.StopAsync());
        }

        var household = HouseholdEntries(template);
        Assert.Contains("aizu.db", household);
        Assert.Contains("panel-access.json", household);

        var kills = 0;
        var midErase = 0;
        for (var at = 1; ; at++)
        {
            var home = Path.Combine(directory.Path, $"kill-{at}");
            CopyHousehold(template, home);
            var homeConfig = Path.Combine(home, "aizu.json");
            var (exit, output) = await RunAsync(home, KilledAt("unlink,unlinkat,rmdir", at, Command("erase", "--yes", "--config", homeConfig)));
            if (exit == 0)
            {
                Assert.Contains("no longer holds the household's data", output, StringComparison.Ordinal);
                Assert.Empty(HouseholdEntries(home));
                break;
            }

            kills++;
            Assert.True(exit == Killed, $"kill at unlink {at}: exit {exit}: {output}");

            // Killed before the erase began (its marker not written yet): the household is as it was. Killed after its
            // last file (the program's own clean-up on exit): nothing is left. Neither is a half-erased household.
            var left = HouseholdEntries(home);
            if (!left.Contains("aizu.db.erasing"))
            {
                if (left.Count == 0)
                {
                    break;
                }

                // (SQLite may leave the write-ahead log of the erase's own read: killed as it removed it on closing.)
                Assert.Equal(household.Order(), left.Where(e => !e.EndsWith("-wal", StringComparison.Ordinal) && !e.EndsWith("-shm", StringComparison.Ordinal)).Order());
            }
            else
            {
                // Killed part-way: the gateway does not start on what is left ...
                var (runExit, runOutput) = await RunAsync(home, Command("run", "--demo", "--config", homeConfig, "--urls", "http://127.0.0.1:0"));
                Assert.True(runExit == 3, $"kill at unlink {at}: the gateway started on a half-erased household (exit {runExit}): {runOutput}");
                Assert.Contains("an erase of this gateway was interrupted", runOutput, StringComparison.Ordinal);
                midErase++;
            }

            // ... and the next erase finishes it.
            var (again, againOutput) = await RunAsync(home, Command("erase", "--yes", "--config", homeConfig));
            Assert.True(again == 0, $"kill at unlink {at}: the second erase exited {again}: {againOutput}");
            Assert.Empty(HouseholdEntries(home));
            Directory.Delete(home, recursive: true);
        }

        log.WriteLine($"{household.Count} household entries; erase killed {kills} times (at each unlink), {midErase} of them part-way through the files; each finished by the next erase; {watch.Elapsed.TotalSeconds:F0} s");
        Assert.True(midErase >= household.Count - 1, $"only {midErase} kills part-way for {household.Count} entries");
    }

    // What the demo keeps of a household in its data directory (the directory itself is the installer's).
    private static List<string> HouseholdEntries(string home)
    {
        var data = Path.Combine(home, "aizu-demo-data");
        return Directory.Exists(data) ? [.. Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName).OfType<string>()] : [];
    }
}
