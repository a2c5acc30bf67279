namespace Aizu.City.Ingest;

/// <summary>
/// What an instance has done, for operators: counters, rejections by reason and the last
/// <see cref="IngestOptions.RecentRejections"/> refusals (bounded). Every refusal passes through
/// <see cref="Reject"/>, so none goes uncounted.
/// </summary>
public sealed class IngestMetrics(IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> rejected = new(StringComparer.Ordinal);
    private readonly Queue<RecentRejection> recent = new();
    private readonly Lock recentSync = new();
    private readonly int keep = options.Value.RecentRejections;
    private readonly string instance = options.Value.ClientId;
    private long received;
    private long stored;
    private long duplicates;
    private long alertAcks;
    private long consentStates;
    private long deletionRequests;
    private long rowsDeleted;
    private long acknowledged;
    private int connected;

    /// <summary>Messages received so far.</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>Windows stored so far.</summary>
    public long Stored => Interlocked.Read(ref stored);

    /// <summary>Refusals so far, all reasons.</summary>
    public long RejectedTotal => rejected.Values.Sum();

    /// <summary>Counts a received message.</summary>
    public void OnReceived() => Interlocked.Increment(ref received);

    /// <summary>Counts an acknowledged message.</summary>
    public void OnAcknowledged(int count = 1) => Interlocked.Add(ref acknowledged, count);

    /// <summary>Counts stored windows and re-sends.</summary>
    public void OnStored(int inserted, int duplicate)
    {
        Interlocked.Add(ref stored, inserted);
        Interlocked.Add(ref duplicates, duplicate);
    }

    /// <summary>Alert acknowledgements: <paramref name="inserted"/> stored now, <paramref name="duplicate"/> stored before.</summary>
    public void OnAlertAcks(int inserted, int duplicate)
    {
        Interlocked.Add(ref alertAcks, inserted);
        Interlocked.Add(ref duplicates, duplicate);
    }

    /// <summary>Counts an applied consent state.</summary>
    public void OnConsentState() => Interlocked.Increment(ref consentStates);

    /// <summary>Counts a carried-out deletion request.</summary>
    public void OnDeletion(long rows)
    {
        Interlocked.Increment(ref deletionRequests);
        Interlocked.Add(ref rowsDeleted, rows);
    }

    /// <summary>Records the connection state.</summary>
    public void OnConnection(bool isConnected) => Interlocked.Exchange(ref connected, isConnected ? 1 : 0);

    /// <summary>Counts and keeps a refusal.</summary>
    public void Reject(string topic, string? messageId, Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        rejected.AddOrUpdate(rejection.Reason, 1, (_, n) => n + 1);
        lock (recentSync)
        {
            recent.Enqueue(new RecentRejection(time.GetUtcNow(), rejection.Reason, topic, messageId, rejection.Detail));
            while (recent.Count > keep)
            {
                recent.Dequeue();
            }
        }
    }

    /// <summary>The counters now.</summary>
    public IngestStatus Snapshot()
    {
        List<RecentRejection> latest;
        lock (recentSync)
        {
            latest = [.. recent.Reverse()];
        }

        return new IngestStatus(
            instance,
            Volatile.Read(ref connected) == 1,
            Received,
            Stored,
            Interlocked.Read(ref duplicates),
            Interlocked.Read(ref consentStates),
            Interlocked.Read(ref deletionRequests),
            Interlocked.Read(ref rowsDeleted),
            Received - Interlocked.Read(ref acknowledged),
            new SortedDictionary<string, long>(rejected, StringComparer.Ordinal),
            latest)
        {
            AlertAcks = Interlocked.Read(ref alertAcks),
        };
    }

    /// <summary>The counters in the Prometheus text exposition format (version 0.0.4).</summary>
    public string ToPrometheusText()
    {
        var status = Snapshot();
        var text = new StringBuilder();
        void Metric(string name, string type, string help, long value)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value}\n");
        }

        Metric("aizu_city_ingest_connected", "gauge", "1 while connected to the broker.", status.Connected ? 1 : 0);
        Metric("aizu_city_ingest_received_total", "counter", "Messages received from the broker.", status.Received);
        Metric("aizu_city_ingest_stored_total", "counter", "Energy windows stored.", status.Stored);
        Metric("aizu_city_ingest_alert_acks_total", "counter", "Alert acknowledgements stored.", status.AlertAcks);
        Metric("aizu_city_ingest_duplicates_total", "counter", "Re-sent windows already stored.", status.Duplicates);
        Metric("aizu_city_ingest_consent_states_total", "counter", "Consent states received (applied, or already applied).", status.ConsentStates);
        Metric("aizu_city_ingest_deletion_requests_total", "counter", "Deletion requests carried out.", status.DeletionRequests);
        Metric("aizu_city_ingest_rows_deleted_total", "counter", "Aggregates deleted on request.", status.RowsDeleted);
        Metric("aizu_city_ingest_waiting", "gauge", "Messages received and not yet acknowledged.", status.Waiting);
        text.Append("# HELP aizu_city_ingest_rejected_total Messages refused, by reason.\n# TYPE aizu_city_ingest_rejected_total counter\n");
        foreach (var (reason, count) in status.Rejected)
        {
            text.Append(CultureInfo.InvariantCulture, $"aizu_city_ingest_rejected_total{{reason=\"{reason}\"}} {count}\n");
        }

        return text.ToString();
    }
}
