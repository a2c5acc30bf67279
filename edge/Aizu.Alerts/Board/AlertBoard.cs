namespace Aizu.Alerts;

/// <summary>
/// The currently valid city alerts and the history of ended ones. Only the <see cref="AlertInbox"/> puts
/// alerts here, after their signature held. Updates replace what they reference, Cancels clear it, and
/// expiry clears alerts without any message (checked on every read and by a timer on the
/// <see cref="TimeProvider"/>). The board keeps every verified alert for the city; the household's
/// location and choices are applied when the panel reads, so changing them takes effect at once.
/// </summary>
public sealed class AlertBoard : IDisposable
{
    // Identities of superseded, cancelled and expired messages are remembered this long at least, so a
    // replay of one is recognised; the message's own expiry is the other bound.
    private static readonly TimeSpan RetiredMemory = TimeSpan.FromDays(7);
    private const int MaxRetired = 4096;

    private readonly Lock sync = new();
    private readonly Dictionary<MessageId, BoardEntry> current = [];
    private readonly Dictionary<MessageId, DateTimeOffset> retired = [];
    private readonly Dictionary<MessageId, (DateTimeOffset Sent, DateTimeOffset Until)> cancels = [];
    private readonly LinkedList<(BoardEntry Entry, AlertEndReason Reason, DateTimeOffset Ended)> history = new();
    private readonly IOptionsMonitor<AlertOptions> options;
    private readonly TimeProvider time;
    private readonly HouseholdCalendar calendar;
    private readonly ILogger<AlertBoard> logger;
    private readonly ITimer expiryTimer;

    /// <summary>Creates an empty board; quiet hours are on the household's <paramref name="calendar"/>.</summary>
    public AlertBoard(IOptionsMonitor<AlertOptions> options, TimeProvider time, HouseholdCalendar calendar, ILogger<AlertBoard> logger)
    {
        this.options = options;
        this.time = time;
        this.calendar = calendar;
        this.logger = logger;
        expiryTimer = time.CreateTimer(_ => OnExpiryTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised after the set of current alerts changed (new, updated, cancelled or expired).</summary>
    public event EventHandler? Changed;

    /// <summary>The current alerts for this household: takeover first, then by level, newest first.</summary>
    public IReadOnlyList<AlertView> GetCurrent() => GetCurrent(null);

    /// <summary>
    /// The current alerts for this household, with their texts in the first of <paramref name="languages"/>
    /// the city provided (else the household's language order): takeover first, then by level, newest first.
    /// </summary>
    public IReadOnlyList<AlertView> GetCurrent(IReadOnlyList<string>? languages)
    {
        var now = time.GetUtcNow();
        var household = options.CurrentValue.Household;
        List<BoardEntry> entries;
        bool expired;
        lock (sync)
        {
            expired = ExpireLocked(now);
            entries = [.. current.Values];
        }

        if (expired)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }

        return entries
            .Select(e => View(e, household, LocalTime(now), languages))
            .OfType<AlertView>()
            .OrderByDescending(v => v.Takeover)
            .ThenByDescending(v => v.Level)
            .ThenByDescending(v => v.Issued)
            .ToList();
    }

    /// <summary>Ended alerts that were for this household, newest first.</summary>
    public IReadOnlyList<PastAlert> GetHistory() => GetHistory(null);

    /// <summary>Ended alerts that were for this household, newest first, in the first of <paramref name="languages"/> provided.</summary>
    public IReadOnlyList<PastAlert> GetHistory(IReadOnlyList<string>? languages)
    {
        var now = time.GetUtcNow();
        var household = options.CurrentValue.Household;
        List<(BoardEntry Entry, AlertEndReason Reason, DateTimeOffset Ended)> ended;
        lock (sync)
        {
            ExpireLocked(now);
            ended = [.. history];
        }

        return ended
            .Select(h => View(h.Entry, household, LocalTime(now), languages) is { } view ? new PastAlert(view, h.Reason, h.Ended) : null)
            .OfType<PastAlert>()
            .ToList();
    }

    /// <inheritdoc />
    public void Dispose() => expiryTimer.Dispose();

    /// <summary>Puts a verified, unexpired alert on the board, or says why it is a replay.</summary>
    internal AlertReceipt Apply(CapAlert alert, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        var id = MessageId.Of(alert);
        AlertReceipt receipt;
        lock (sync)
        {
            var changed = ExpireLocked(now);
            receipt = ApplyLocked(alert, id, expires, now, ref changed);
            ScheduleLocked(now);
            if (!changed)
            {
                return receipt;
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return receipt;
    }

    private AlertReceipt ApplyLocked(CapAlert alert, MessageId id, DateTimeOffset expires, DateTimeOffset now, ref bool changed)
    {
        if (current.TryGetValue(id, out var same))
        {
            return same.Alert.Sent == alert.Sent
                ? new AlertReceipt(AlertOutcome.Duplicate, alert.Identifier, "This alert is already shown.")
                : Replayed(alert, $"identifier {alert.Identifier} is already shown with sent {CapTime.Format(same.Alert.Sent)}");
        }

        // A retained Cancel (or expired Update) is delivered again on every reconnect; that is not an attack.
        if (cancels.TryGetValue(id, out var cancel) && cancel.Sent == alert.Sent && alert.MessageType != CapMessageType.Alert)
        {
            return new AlertReceipt(AlertOutcome.Duplicate, alert.Identifier, $"This {alert.MessageType} was applied already.");
        }

        if (retired.ContainsKey(id))
        {
            return Replayed(alert, "it was already superseded, cancelled or expired");
        }

        var thread = new HashSet<MessageId>(alert.References.Select(MessageId.Of)) { id };
        var related = current.Values.Where(e => e.Thread.Overlaps(thread)).ToList();
        if (related.FirstOrDefault(e => e.Alert.Sent > alert.Sent) is { } newer)
        {
            return Replayed(alert, $"it is older than the version shown ({newer.Alert.Identifier}, sent {CapTime.Format(newer.Alert.Sent)})");
        }

        var reason = alert.MessageType == CapMessageType.Cancel ? AlertEndReason.Cancelled : AlertEndReason.Updated;
        foreach (var entry in related)
        {
            current.Remove(MessageId.Of(entry.Alert));
            End(entry, reason, now);
            thread.UnionWith(entry.Thread);
            changed = true;
        }

        // Whatever this message references is finished, even when this gateway never saw it (a restart, or a
        // Cancel retained on the topic): a later replay of it must not appear.
        foreach (var reference in thread.Where(r => r != id))
        {
            Retire(reference, expires, now);
        }

        if (alert.MessageType == CapMessageType.Cancel)
        {
            RecordEndingOnly(alert, id, expires, now);
            return new AlertReceipt(AlertOutcome.Cancelled, alert.Identifier,
                related.Count > 0 ? $"Cleared {string.Join(", ", related.Select(r => r.Alert.Identifier))}." : "Nothing referenced was shown; recorded so it cannot be replayed.");
        }

        // An Update that had expired when it arrived still replaces what it references; there is nothing of its own to show.
        if (expires <= now)
        {
            RecordEndingOnly(alert, id, expires, now);
            return new AlertReceipt(AlertOutcome.Updated, alert.Identifier,
                (related.Count > 0 ? $"Replaced {string.Join(", ", related.Select(r => r.Alert.Identifier))}" : "Nothing referenced was shown")
                + $"; this Update expired at {CapTime.Format(expires)}, so nothing new is shown.");
        }

        current[id] = new BoardEntry(alert, EvacuationLevels.Classify(alert), expires, thread);
        changed = true;
        return related.Count > 0
            ? new AlertReceipt(AlertOutcome.Updated, alert.Identifier, $"Replaced {string.Join(", ", related.Select(r => r.Alert.Identifier))}.")
            : new AlertReceipt(AlertOutcome.Shown, alert.Identifier, "New alert.");
    }

    private void RecordEndingOnly(CapAlert alert, MessageId id, DateTimeOffset expires, DateTimeOffset now)
    {
        Retire(id, expires, now);
        cancels[id] = (alert.Sent, retired[id]);
    }

    private static AlertReceipt Replayed(CapAlert alert, string why) =>
        new(AlertOutcome.RejectedReplayed, alert.Identifier, $"Replayed message: {why}.");

    private bool ExpireLocked(DateTimeOffset now)
    {
        var expired = current.Where(e => e.Value.Expires <= now).ToList();
        foreach (var (id, entry) in expired)
        {
            current.Remove(id);
            End(entry, AlertEndReason.Expired, now);
            Retire(id, entry.Expires, now);
            logger.AlertExpired(entry.Alert.Identifier, entry.Expires);
        }

        foreach (var stale in retired.Where(r => r.Value <= now).Select(r => r.Key).ToList())
        {
            retired.Remove(stale);
            cancels.Remove(stale);
        }

        return expired.Count > 0;
    }

    private void End(BoardEntry entry, AlertEndReason reason, DateTimeOffset now)
    {
        history.AddFirst((entry, reason, now));
        while (history.Count > Math.Max(1, options.CurrentValue.HistoryLength))
        {
            history.RemoveLast();
        }
    }

    private void Retire(MessageId id, DateTimeOffset expires, DateTimeOffset now)
    {
        var until = expires > now + RetiredMemory ? expires : now + RetiredMemory;
        retired[id] = retired.TryGetValue(id, out var earlier) && earlier > until ? earlier : until;
        if (retired.Count > MaxRetired)
        {
            // Only signed messages get here, so this bound matters only if the city's key is misused.
            var oldest = retired.MinBy(r => r.Value).Key;
            retired.Remove(oldest);
            cancels.Remove(oldest);
        }
    }

    private void ScheduleLocked(DateTimeOffset now)
    {
        if (current.Count == 0)
        {
            expiryTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = current.Values.Min(e => e.Expires) - now;
        expiryTimer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void OnExpiryTimer()
    {
        bool expired;
        lock (sync)
        {
            var now = time.GetUtcNow();
            expired = ExpireLocked(now);
            ScheduleLocked(now);
        }

        if (expired)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    private TimeOnly LocalTime(DateTimeOffset now) => TimeOnly.FromDateTime(calendar.LocalTime(now));

    private static AlertView? View(BoardEntry entry, AlertPreferences household, TimeOnly localTime, IReadOnlyList<string>? languages) =>
        entry.Alert.Infos.Count > 0 && HouseholdFilter.Shows(entry.Alert, entry.Classification, household, out var area)
            ? AlertViewFactory.Create(entry.Alert, entry.Classification, area, entry.Expires, household, localTime, languages)
            : null;
}
