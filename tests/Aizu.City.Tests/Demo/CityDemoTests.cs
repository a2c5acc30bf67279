namespace Aizu.City.Tests.Demo;

/// <summary>
/// The city demo as a newcomer starts it: the README's command, as a process in a session of its own (a
/// terminal's Ctrl+C reaches the whole process group: the demo, mosquitto and PostgreSQL alike).
/// </summary>
public sealed partial class CityDemoTests
{
    private const int Households = 12;
    private const int SigInt = 2;
    private const int SigKill = 9;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task TheReadmeCommand_FillsPostgreSqlFromTheHouseholds_AndCtrlCLeavesNothingBehind()
    {
        var root = RepositoryRoot();
        var command = ReadmeCommand().Match(await File.ReadAllTextAsync(Path.Combine(root, "README.md")));
        Assert.True(command.Success, "README.md has no `dotnet run --project cloud-sync/Aizu.City.Demo` line");
        using var demo = new DemoProcess(root, command.Value.Trim());

        // The first start builds the project (dotnet run); then the households need a simulated day for their first daily window.
        var summary = await demo.WaitForLineAsync(line => SummaryLine().Match(line) is { Success: true } m
            && int.Parse(m.Groups["households"].Value, CultureInfo.InvariantCulture) >= Households, TimeSpan.FromMinutes(4));
        var printedRows = long.Parse(SummaryLine().Match(summary).Groups["rows"].Value, CultureInfo.InvariantCulture);
        var printedHouseholds = int.Parse(SummaryLine().Match(summary).Groups["households"].Value, CultureInfo.InvariantCulture);
        var files = FilesLine().Match(demo.Output).Groups["dir"].Value;
        var connectionString = PostgresLine().Match(demo.Output).Groups["cs"].Value;
        var metricsUrl = MetricsLine().Match(demo.Output).Groups["url"].Value;
        Assert.True(Directory.Exists(files), demo.Output);

        // What the summary said is in PostgreSQL, and no more than the ingest says it stored.
        await using (var database = NpgsqlDataSource.Create(connectionString))
        {
            await using var query = database.CreateCommand(
                "SELECT count(*), count(DISTINCT pseudonym) FILTER (WHERE purpose = 'city-energy-planning'), array_agg(DISTINCT purpose) FROM aggregate");
            await using var reader = await query.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var rows = reader.GetInt64(0);
            using var http = new HttpClient();
            var status = (await http.GetFromJsonAsync<IngestStatus>(new Uri($"{metricsUrl}/status"), Web))!;
            Assert.InRange(rows, printedRows, status.Stored);
            Assert.InRange(reader.GetInt64(1), printedHouseholds, 200);
            // Daily planning and the hourly peak study at least; the utility's windows are refused, never stored.
            var purposes = reader.GetFieldValue<string[]>(2);
            Assert.Contains("city-energy-planning", purposes);
            Assert.Contains("peak-demand-study", purposes);
            Assert.DoesNotContain("utility-tariff-study", purposes);
            Assert.True(status.Rejected.GetValueOrDefault(RejectionReasons.WrongRecipient) > 0, demo.Output);
        }

        demo.Interrupt();
        var exit = await demo.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exit == 0, $"exit {exit}: {demo.Output}");
        Assert.Contains("Stopping the demo", demo.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(files), $"{files} is still there");
        Assert.Empty(ProcessesNaming(files));
    }

    // Any process still running from the demo's files: mosquitto's configuration and PostgreSQL's data are in there.
    private static List<string> ProcessesNaming(string directory) =>
        [.. Directory.GetDirectories("/proc").Where(p => int.TryParse(Path.GetFileName(p), out _)).Select(p =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(p, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return "";
            }
        }).Where(c => c.Contains(directory, StringComparison.Ordinal))];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Aizu.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Aizu.sln was not found above the test's directory.");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int KillGroup(int pid, int signal);

    [GeneratedRegex(@"^dotnet run --project cloud-sync/Aizu\.City\.Demo[^\n`]*$", RegexOptions.Multiline)]
    private static partial Regex ReadmeCommand();

    [GeneratedRegex(@"stored (?<rows>\d+) rows from (?<households>\d+) of \d+ households")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"files in (?<dir>\S+)")]
    private static partial Regex FilesLine();

    [GeneratedRegex(@"PostgreSQL:\s+(?<cs>Host=\S+)")]
    private static partial Regex PostgresLine();

    [GeneratedRegex(@"Ingest metrics:\s+(?<url>http://\S+)/metrics")]
    private static partial Regex MetricsLine();

    /// <summary>The README's command under <c>setsid</c> (its process group is the demo's alone) with SIGINT's default handling; its output kept.</summary>
    private sealed class DemoProcess : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        public DemoProcess(string root, string commandLine)
        {
            var info = new ProcessStartInfo("setsid") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

            // As typed in a terminal: a run started as a background job (a CI runner's `… &`) inherits SIGINT ignored,
            // and the demo, like any program, keeps it ignored; the test's Ctrl+C would then reach only its servers.
            info.ArgumentList.Add("env");
            info.ArgumentList.Add("--default-signal=INT");
            foreach (var word in commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                info.ArgumentList.Add(word);
            }

            // The test host's MSBuild settings are for its own build, not for the newcomer's `dotnet run`.
            foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                info.Environment.Remove(name);
            }

            process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public async Task<string> WaitForLineAsync(Func<string, bool> wanted, TimeSpan timeout)
        {
            string? found = null;
            await Eventually.TrueAsync(() =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the demo exited with {process.ExitCode}: {Output}");
                }

                found = Output.Split('\n').LastOrDefault(wanted);
                return found is not null;
            }, timeout, () => $"a summary with stored rows from {Households} households: {Output}");
            return found!;
        }

        /// <summary>SIGINT to the whole process group, as Ctrl+C in a terminal.</summary>
        public void Interrupt() => SignalGroup(SigInt);

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var patience = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the demo did not exit within {timeout} of Ctrl+C: {Output}");
            }

            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                // A failed test: no clean stop to wait for, so the demo's files go here.
                SignalGroup(SigKill);
                process.WaitForExit(10_000);
                if (FilesLine().Match(Output) is { Success: true } files)
                {
                    try
                    {
                        Directory.Delete(files.Groups["dir"].Value, recursive: true);
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                    }
                }
            }

            process.Dispose();
        }

        // kill(2) on the negative group id: the group setsid made, never anything wider (a pid of 0 or 1 here would be).
        private void SignalGroup(int signal)
        {
            Assert.True(process.Id > 1, $"unexpected demo pid {process.Id}");
            // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; only a group the demo leads is signalled.
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var group = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2], CultureInfo.InvariantCulture);
            Assert.Equal(process.Id, group);
            Assert.Equal(0, KillGroup(-process.Id, signal));
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
