using Aizu.Storage;
using static Aizu.FaultInjection.Tests.Harness.AizuProgram;

namespace Aizu.FaultInjection.Tests.Kills;

/// <summary>
/// A new gateway killed with SIGKILL at every write of its very first start (creating and migrating the database,
/// generating its keys and secrets) and of its first panel password setup, in turn (strace injects the signal at the
/// n-th write, for every n until the start or the setup completes): the next start works and makes a normal household
/// (the schema of a gateway that was never killed, no empty file), and the panel is never locked (setup is still open,
/// or the new password signs in). Fails, never skips, without strace.
/// </summary>
public sealed class KillDuringFirstStartTests(ITestOutputHelper log)
{
    // What the panel setup writes: the credential file's atomic write (written, flushed, renamed) and its session.
    private const string Writes = "pwrite64,fsync,fdatasync,rename,renameat,renameat2";

    // Where a first start's writes become lasting: each SQLite commit (its sync) and each key's atomic file (its sync
    // and its rename). A kill at a write between two of these leaves what a kill at the next one leaves (an unfinished
    // transaction SQLite ignores, a temporary file that is not the file), and killing at each of the ~190 writes of a
    // first start would take a quarter of an hour.
    private const string Commits = "fsync,fdatasync,rename,renameat,renameat2";
    private static readonly string[] Run = ["run", "--demo", "--urls", "http://127.0.0.1:0"];

    [Fact]
    public async Task A_first_start_killed_at_any_write_is_followed_by_a_normal_one()
    {
        var watch = Stopwatch.StartNew();
        using var directory = new TemporaryDirectory();
        Dictionary<string, long>? reference = null;
        var afterKills = new Dictionary<int, Dictionary<string, long>>();
        var kills = 0;
        for (var at = 1; reference is null; at++)
        {
            var home = Path.Combine(directory.Path, $"start-{at}");
            Directory.CreateDirectory(home);
            using (var traced = new Process { StartInfo = AizuProgram.StartInfo(home, KilledAt(Commits, at, Command(Run))) })
            {
                var panel = AnnouncedPanel.Start(traced);
                var exited = traced.WaitForExitAsync();
                var first = await Task.WhenAny(exited, panel.WaitAsync(GatewayProcess.StartLimit, $"The first start killed at write {at}"));
                if (first == exited)
                {
                    Assert.True(traced.ExitCode == Killed, $"first start killed at write {at}: exit {traced.ExitCode}{Environment.NewLine}{panel.Output}");
                    kills++;
                }
                else
                {
                    // The panel came up before the n-th write: the first start is complete; this household is the reference.
                    await panel.WaitAsync(TimeSpan.Zero, "");
                    traced.Kill(entireProcessTree: true);
                    await exited;
                }
            }

            var schema = await StartAgainAsync(home, $"after a kill at write {at} of the first start");
            if (kills < at)
            {
                reference = schema;
            }
            else
            {
                afterKills[at] = schema;
                Directory.Delete(home, recursive: true);
            }
        }

        // No half-migrated household: every component at the version a start that was never killed leaves.
        Assert.All(afterKills, k => Assert.True(k.Value.OrderBy(c => c.Key).SequenceEqual(reference.OrderBy(c => c.Key)),
            $"after a kill at write {k.Key}: schema {string.Join(", ", k.Value)}, never killed: {string.Join(", ", reference)}"));

        log.WriteLine($"first start killed {kills} times, at each {Commits.Replace(',', '/')} in turn; each next start made a normal household " +
            $"(schema {string.Join(", ", reference.Select(c => $"{c.Key} {c.Value}"))}); {watch.Elapsed.TotalSeconds:F0} s");
        Assert.Equal(StorageSchema.Component.LatestVersion, reference["storage"]);
    }

    [Fact]
    public async Task A_first_password_setup_killed_at_any_write_never_locks_the_panel()
    {
        var watch = Stopwatch.StartNew();
        using var directory = new TemporaryDirectory();

        // A gateway after its first start, its panel not claimed yet, stopped cleanly.
        var template = Path.Combine(directory.Path, "template");
        Directory.CreateDirectory(template);
        await using (var gateway = GatewayProcess.Start(template, Run))
        {
            await gateway.PanelAsync();
            Assert.Equal(0, await gateway.StopAsync());
        }

        var kills = 0;
        var answeredThenKilled = 0;
        for (var at = 1; ; at++)
        {
            var home = Path.Combine(directory.Path, $"setup-{at}");
            CopyHousehold(template, home);
            var what = $"setup killed at write {at}";
            bool answered;
            await using (var gateway = GatewayProcess.Start(home, Run))
            {
                using var http = PanelSignIn.NewClient(await gateway.PanelAsync());
                await PanelSignIn.UseAntiForgeryTokenAsync(http);
                await using (await KillAtSyscall.AttachAsync(gateway.Id, Writes, at))
                {
                    answered = await SetUpAsync(http, gateway.SetupCode);

                    // What the setup writes after its answer (its session) counts too.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }

                if (!gateway.HasExited)
                {
                    Assert.True(answered, $"{what}: the setup was not killed and did not succeed{Environment.NewLine}{gateway.Output}");
                    Assert.Equal(0, await gateway.StopAsync());
                    break;
                }
            }

            kills++;
            answeredThenKilled += answered ? 1 : 0;

            // Never locked: setup is still open, or the new password signs in; and a setup that was answered stays done.
            await using (var gateway = GatewayProcess.Start(home, Run))
            {
                var panel = await gateway.PanelAsync();
                Assert.True(!answered || gateway.SetupCode is null, $"{what}: the setup was answered before the kill but is open again");
                using var http = await PanelSignIn.SignInAsync(panel, setupCode: gateway.SetupCode);
            }

            var empty = HouseholdFiles.Empty(home);
            Assert.True(empty.Count == 0, $"{what}: empty files {string.Join(", ", empty)}");
            Directory.Delete(home, recursive: true);
        }

        log.WriteLine($"first password setup killed {kills} times ({answeredThenKilled} after it was answered), at each {Writes.Replace(',', '/')} in turn; " +
            $"the panel was never locked; {watch.Elapsed.TotalSeconds:F0} s");
        Assert.True(kills > 0, "no write during the setup was killed");
    }

    // True when the setup was answered 2xx; false when it failed or the gateway died before answering.
    private static async Task<bool> SetUpAsync(HttpClient http, string? setupCode)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/session/setup", new { password = PanelSignIn.Password, setupCode });
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The next start of <paramref name="home"/>: the panel comes up, setup or sign-in works, nothing is empty; returns the schema versions.</summary>
    private static async Task<Dictionary<string, long>> StartAgainAsync(string home, string what)
    {
        await using (var gateway = GatewayProcess.Start(home, Run))
        {
            using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        }

        var empty = HouseholdFiles.Empty(home);
        Assert.True(empty.Count == 0, $"{what}: empty files {string.Join(", ", empty)}");
        await DoctorChecks.AssertOkAsync(["--database", Path.Combine(home, "aizu-demo-data", "aizu.db")], "store");
        return SchemaVersions(Path.Combine(home, "aizu-demo-data", "aizu.db"));
    }

    private static Dictionary<string, long> SchemaVersions(string database)
    {
        using var connection = GatewayDatabase.OpenReadOnly(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT component, version FROM schema_migrations";
        using var reader = command.ExecuteReader();
        var versions = new Dictionary<string, long>();
        while (reader.Read())
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }
}
