using static Aizu.FaultInjection.Tests.Harness.CityMessages;

namespace Aizu.FaultInjection.Tests.DiskFull;

/// <summary>
/// The real demo gateway with a city link and its data on a small disk that fills while it decides what leaves (the
/// household's grant lands on a full disk) and again while it sends: it says so in one line, the panel stays up, and
/// once space returns every window is decided and reaches the city, each under one message id.
/// Fails, never skips, without mosquitto.
/// </summary>
public sealed class DiskFullDuringEgressTests(ITestOutputHelper log)
{
    private const string GatewayId = "gw-diskfull-01";

    [Fact]
    public async Task DiskFullWhileWindowsAreDecidedAndSent_IsReported_AndEveryWindowReachesTheCityOnceSpaceReturns()
    {
        using var directory = new TemporaryDirectory();
        using var disk = SmallDisk.Mount(megabytes: 32);
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        string database = Path.Combine(disk.Path, "aizu-demo-data", "aizu.db");

        // A day of the meter's register stored yesterday, and the household's decision clock from just before its
        // midnight, so the hourly grant has a day of closed windows to decide and send.
        var yesterday = await YesterdaysReadings.WriteAsync(database, DateTimeOffset.UtcNow);
        var clock = new ShiftedTimeProvider(yesterday - DateTimeOffset.UtcNow - TimeSpan.FromHours(1));
        await HouseholdDecisions.ApplyCatalogueAsync(city, database, clock);

        await using var gateway = await CityGateway.StartAsync(disk.Path, city.Broker.Port, GatewayId, "07202-kitaaizu", city.PublicKeyFile);
        await gateway.WaitOnlineAsync(() => city.Recorder.Messages);

        // 1. Deciding: the grant is recorded while the gateway is held, and it wakes to a full disk.
        await using (await ProcessPause.StartAsync(gateway.ProcessId))
        {
            await HouseholdDecisions.GrantHourlyAsync(city, database, clock);
            disk.Fill();
        }

        await Eventually.TrueAsync(() => gateway.Output.Contains("Egress pass failed", StringComparison.Ordinal), TimeSpan.FromSeconds(60),
            () => $"the gateway reported that it could not decide on the full disk:{Environment.NewLine}{gateway.Output}");
        Assert.DoesNotContain(await OutboxTable.ReadAsync(database), r => r.Kind == 0);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, (await gateway.GetJsonAsync("/api/status")).ValueKind);

        // 2. Sending: space returns, windows are decided and start to leave; the disk fills again mid-drain, so what
        //    the broker acknowledged cannot be marked delivered.
        disk.Free();
        await Eventually.TrueAsync(() => Data([city.Recorder]).Count > 0, TimeSpan.FromSeconds(60),
            () => $"nothing reached the city once space returned:{Environment.NewLine}{gateway.Output}");
        await using (await ProcessPause.StartAsync(gateway.ProcessId))
        {
            disk.Fill();
        }

        // Long enough for a few publish attempts and the outbox updates that fail after them.
        await Task.Delay(TimeSpan.FromSeconds(3));
        int sentWhileFull = Data([city.Recorder]).Count;
        disk.Free();

        // 3. Everything decided and delivered once space returns, each window under one message id.
        IReadOnlyList<OutboxRow> outbox = [];
        await Eventually.TrueAsync(async () =>
            {
                outbox = await OutboxTable.ReadAsync(database);
                return outbox.Count(r => r.Kind == 0) >= 24 && outbox.All(r => r.State == 1);
            },
            TimeSpan.FromSeconds(90), () => $"the outbox did not drain once space returned ({outbox.Count(r => r.State == 0)} of {outbox.Count} rows waiting):{Environment.NewLine}{gateway.Output}");
        // The broker acknowledges a message before it reaches the city's subscriber: the last ones may still be on
        // their way when the outbox says delivered.
        var sent = outbox.Where(r => r.Kind == 0).Select(r => r.MessageId).ToHashSet();
        await Eventually.TrueAsync(() => sent.IsSubsetOf(Data([city.Recorder]).Select(m => m.CorrelationData ?? "")), TimeSpan.FromSeconds(30),
            () => $"the city did not receive every delivered window:{Environment.NewLine}{gateway.Output}");
        var data = Data([city.Recorder]);
        var ids = data.Select(m => m.CorrelationData).Distinct().Order().ToList();
        Assert.True(outbox.Where(r => r.Kind == 0).Select(r => r.MessageId).Order().SequenceEqual(ids),
            $"outbox:{Environment.NewLine}{string.Join(Environment.NewLine, outbox.Select(r => $"{r.Seq} {r.MessageId} kind {r.Kind} state {r.State} attempts {r.Attempts} {r.Topic}"))}{Environment.NewLine}"
            + $"city:{Environment.NewLine}{string.Join(Environment.NewLine, city.Recorder.Messages.Select(m => $"{m.CorrelationData} {m.Topic}"))}{Environment.NewLine}{gateway.Output}");
        var windows = data.DistinctBy(m => m.CorrelationData).Select(WindowStart).ToList();
        Assert.Equal(windows.Count, windows.Distinct().Count());
        GatewayOutput.AssertNoStackTrace(gateway.Output);

        log.WriteLine($"{outbox.Count(r => r.Kind == 0)} windows decided after the full disk; the city received {data.Count} data messages "
            + $"({ids.Count} distinct ids, {sentWhileFull} by the time the second fill was freed).");
    }
}
