namespace Aizu.Uplink.Tests.Outbox;

/// <summary>The durable outbox with the real uplink and a real mosquitto: outages, crashes and refusals.</summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);
    private readonly string directory = Directory.CreateTempSubdirectory("aizu-outbox-").FullName;
    private readonly FakeTimeProvider time = new(T0);
    private readonly TestConsentRegistry registry = new();
    private readonly SimulatedHousehold household = new(T0 - TimeSpan.FromDays(1));

    private string DatabasePath => Path.Combine(directory, "gateway.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BrokerDownForADay_AllDueMessagesDeliveredInOrder_WhenItReturns()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.StopAsync();
        registry.Give(HourlyGrant(T0), T0);
        await using var gateway = await GatewayHarness.StartAsync(DatabasePath, broker.Port, time, registry, household, recorder: null);
        await gateway.Store.AppendAsync(household.ReadingsAt(T0), CancellationToken.None);

        // A day and one step: the last hour closes at midnight and is released after the release delay.
        await gateway.AdvanceAsync(TimeSpan.FromDays(1) + Step, Step, expectDelivery: false);
        var pending = await gateway.Outbox.ListPendingAsync(CancellationToken.None);
        Assert.Equal(24, pending.Count(m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal)));
        Assert.False(gateway.Uplink.IsConnected);

        await broker.RestartAsync();
        await using var recorder = await BrokerRecorder.StartAsync(broker.Port, time);
        gateway.Recorder = recorder;
        // The reconnect loop waits on the fake clock: the longest back-off brings it back.
        time.Advance(TimeSpan.FromMinutes(5));
        await gateway.WaitForDrainAsync();

        var received = recorder.Messages.Where(m => m.Topic != $"aizu/v1/status/{GatewayHarness.GatewayId}").ToList();
        Assert.Equal(pending.Select(m => m.MessageId), received.Select(m => m.CorrelationData));
        var data = received.Where(m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal)).ToList();
        Assert.Equal(24, data.Count);
        var starts = data.Select(m => System.Text.Json.JsonDocument.Parse(m.Payload).RootElement[0].GetProperty("t").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(0, 24).Select(h => T0.AddHours(h).ToUnixTimeSeconds()), starts);
    }

    [Fact]
    public async Task KilledBetweenCommitAndPuback_MessageIsResentWithTheSameId()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await BrokerRecorder.StartAsync(broker.Port, time);
        registry.Give(HourlyGrant(T0), T0);

        // First life: the uplink publishes, the broker acknowledges, and the process dies before the
        // acknowledgement is written.
        var crashing = await GatewayHarness.StartAsync(DatabasePath, broker.Port, time, registry, household, recorder,
            services => services.AddSingleton<IOutbox>(provider => new DiesBeforeRecordingDelivery(provider.GetRequiredService<SqliteOutbox>())));
        await crashing.Store.AppendAsync(household.ReadingsAt(T0), CancellationToken.None);
        await crashing.AdvanceAsync(TimeSpan.FromHours(1) + Step, Step, expectDelivery: false);
        await Eventually.TrueAsync(() => recorder.Messages.Any(m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), () => "the first send never reached the broker");
        var first = recorder.Messages.First(m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal));
        await crashing.DisposeAsync();

        // Nothing of the first send was recorded as delivered.
        Assert.DoesNotContain(await new EgressLog(DatabasePath).ListAsync(new EgressLogFilter(), CancellationToken.None), e => e.MessageId == first.CorrelationData);

        // Second life on the same file: the message is still pending and goes again, same id, same bytes.
        await using var reopened = await GatewayHarness.StartAsync(DatabasePath, broker.Port, time, registry, household, recorder);
        await reopened.WaitForDrainAsync();
        var entry = (await reopened.Outbox.ListAsync(null, 100, CancellationToken.None)).Single(e => e.MessageId == first.CorrelationData);
        Assert.Equal(OutboxState.Delivered, entry.State);
        Assert.Equal(1, entry.Attempts);

        var copies = recorder.Messages.Where(m => m.CorrelationData == first.CorrelationData).ToList();
        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.Equal(first.Payload, c.Payload));
        Assert.All(copies, c => Assert.Equal(first.CorrelationData, c.Property("msg-id")));
        var log = await reopened.Log.ListAsync(new EgressLogFilter(), CancellationToken.None);
        Assert.Single(log, e => e.MessageId == first.CorrelationData && e.Delivered);
    }

    [Fact]
    public async Task AclDeniedPublish_IsNotDelivery_AttemptsAndReasonAreRecorded()
    {
        // Anonymous clients may read everything (the recorder) and write only status and consent topics.
        await using var broker = await MosquittoBroker.StartAsync(acl: """
            topic read #
            topic write aizu/v1/status/#
            topic write aizu/v1/consent/#
            """);
        await using var recorder = await BrokerRecorder.StartAsync(broker.Port, time);
        registry.Give(HourlyGrant(T0), T0);
        await using var gateway = await GatewayHarness.StartAsync(DatabasePath, broker.Port, time, registry, household, recorder);
        await gateway.Store.AppendAsync(household.ReadingsAt(T0), CancellationToken.None);
        await gateway.AdvanceAsync(TimeSpan.FromHours(1) + Step, Step, expectDelivery: false);

        OutboxEntry? refused = null;
        await Eventually.TrueAsync(async () =>
        {
            var entries = await gateway.Outbox.ListAsync(null, 100, CancellationToken.None);
            refused = entries.FirstOrDefault(e => e.Kind == MessageKind.Data && e.Attempts > 0);
            return refused is not null;
        }, TimeSpan.FromSeconds(30), () => "the data message was never tried");

        Assert.Equal(OutboxState.Pending, refused!.State);
        Assert.Equal(0x87, refused.LastReasonCode);
        Assert.False(string.IsNullOrEmpty(refused.LastReason));
        var log = await gateway.Log.ListAsync(new EgressLogFilter { Delivered = false }, CancellationToken.None);
        var attempt = Assert.Single(log);

        // A back-off after the refusal, measured from the attempt itself: the harness may still be stepping the clock
        // when the send completes, so "now" can already be past a short back-off.
        Assert.True(refused.NextAttemptAt > attempt.At, $"next attempt {refused.NextAttemptAt:O}, refused at {attempt.At:O}");
        Assert.Equal(refused.MessageId, attempt.MessageId);
        Assert.Equal(0x87, attempt.PubAckReasonCode);
        Assert.True(gateway.Uplink.Refused >= 1);

        // The refusal does not block what may go: the consent state behind it was delivered.
        await Eventually.TrueAsync(() => recorder.Messages.Any(m => m.Topic.StartsWith("aizu/v1/consent/peak-demand-study/", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), () => "the consent state was not delivered");
        Assert.DoesNotContain(recorder.Messages, m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal));

        // It is tried again after the back-off, and refused again: still not delivered.
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await gateway.Outbox.ListAsync(null, 100, CancellationToken.None)).Single(e => e.MessageId == refused.MessageId).Attempts >= 2,
            TimeSpan.FromSeconds(30), () => "the refused message was not retried");
        Assert.Equal(OutboxState.Pending, (await gateway.Outbox.ListAsync(null, 100, CancellationToken.None)).Single(e => e.MessageId == refused.MessageId).State);
    }

    [Fact]
    public async Task DeliveriesThatCannotBeRecorded_ForAWhile_AreSentAgainAndDrainOnceTheyCan()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await BrokerRecorder.StartAsync(broker.Port, time);
        registry.Give(HourlyGrant(T0), T0);

        // The disk is full for the first dozen acknowledgements: each failure ends the connection (the loop disconnects
        // and connects again), which once left the old connection's disconnect signal to end every new one.
        const int Failures = 12;
        FailsToRecordDelivery? outbox = null;
        await using var gateway = await GatewayHarness.StartAsync(DatabasePath, broker.Port, time, registry, household, recorder,
            services => services.AddSingleton<IOutbox>(provider => outbox = new FailsToRecordDelivery(provider.GetRequiredService<SqliteOutbox>(), Failures)));
        await gateway.Store.AppendAsync(household.ReadingsAt(T0), CancellationToken.None);
        await gateway.AdvanceAsync(TimeSpan.FromHours(3) + Step, Step, expectDelivery: false);

        // The back-off between connections waits on the fake clock.
        await Eventually.TrueAsync(
            async () => (await gateway.Outbox.ListPendingAsync(CancellationToken.None)).Count == 0,
            TimeSpan.FromSeconds(60),
            () => $"the outbox did not drain after {outbox?.Failed} failed records (connected: {gateway.Uplink.IsConnected}, last error {gateway.Uplink.LastError})",
            meanwhile: () => time.Advance(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(Failures, outbox!.Failed);
        await gateway.WaitForDrainAsync();
        var data = recorder.Messages.Where(m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, data.DistinctBy(m => m.CorrelationData).Count());
    }

    private static ConsentGrant HourlyGrant(DateTimeOffset from) => new(
        "peak-a", 1, DataCategories.ElectricImportEnergy, Granularity.Hour, "peak-demand-study",
        "https://w3id.org/dpv#ImprovePublicServices", "city-energy-office", false, new ValueTransform(100), from, from.AddDays(30), ConsentStatus.Given);

    /// <summary>The process "dies" right after the PUBACK: the delivery is never written.</summary>
    private sealed class DiesBeforeRecordingDelivery(SqliteOutbox inner) : IOutbox
    {
        public Task<UplinkMessage?> GetNextDueAsync(CancellationToken cancellationToken) => inner.GetNextDueAsync(cancellationToken);

        public Task WaitForDueAsync(CancellationToken cancellationToken) => inner.WaitForDueAsync(cancellationToken);

        public async Task MarkDeliveredAsync(string messageId, int reasonCode, CancellationToken cancellationToken)
        {
            if (await inner.ListPendingAsync(cancellationToken) is { } pending && pending.Any(m => m.MessageId == messageId && m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal)))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            await inner.MarkDeliveredAsync(messageId, reasonCode, cancellationToken);
        }

        public Task MarkFailedAsync(string messageId, int? reasonCode, string reason, CancellationToken cancellationToken) =>
            inner.MarkFailedAsync(messageId, reasonCode, reason, cancellationToken);

        public Task<IReadOnlyList<UplinkMessage>> ListPendingAsync(CancellationToken cancellationToken) => inner.ListPendingAsync(cancellationToken);
    }

    /// <summary>The first <paramref name="failures"/> deliveries cannot be written, as on a full disk.</summary>
    private sealed class FailsToRecordDelivery(SqliteOutbox inner, int failures) : IOutbox
    {
        private int calls;

        public int Failed => Math.Min(Volatile.Read(ref calls), failures);

        public Task<UplinkMessage?> GetNextDueAsync(CancellationToken cancellationToken) => inner.GetNextDueAsync(cancellationToken);

        public Task WaitForDueAsync(CancellationToken cancellationToken) => inner.WaitForDueAsync(cancellationToken);

        public Task MarkDeliveredAsync(string messageId, int reasonCode, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref calls) <= failures
                ? throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 13: 'database or disk is full'.", 13)
                : inner.MarkDeliveredAsync(messageId, reasonCode, cancellationToken);

        public Task MarkFailedAsync(string messageId, int? reasonCode, string reason, CancellationToken cancellationToken) =>
            inner.MarkFailedAsync(messageId, reasonCode, reason, cancellationToken);

        public Task<IReadOnlyList<UplinkMessage>> ListPendingAsync(CancellationToken cancellationToken) => inner.ListPendingAsync(cancellationToken);
    }
}
