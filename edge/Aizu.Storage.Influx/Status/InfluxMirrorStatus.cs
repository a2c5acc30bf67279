namespace Aizu.Storage.Influx;

/// <summary>
/// How the InfluxDB mirror is doing: a singleton the mirror updates after every attempt and the panel
/// reads. <see cref="Current"/> is an immutable snapshot, safe to read from any thread.
/// </summary>
public sealed class InfluxMirrorStatus
{
    private InfluxMirrorSnapshot current = new(InfluxMirrorState.Starting, "", null, null, null, 0, null, 0, 0, null, null);

    /// <summary>Raised (on the mirror's thread) after every change of <see cref="Current"/>.</summary>
    public event EventHandler? Changed;

    /// <summary>The latest snapshot.</summary>
    public InfluxMirrorSnapshot Current => Volatile.Read(ref current);

    /// <summary>Replaces the snapshot with <paramref name="change"/> applied to the current one.</summary>
    internal void Update(Func<InfluxMirrorSnapshot, InfluxMirrorSnapshot> change)
    {
        InfluxMirrorSnapshot seen, next;
        do
        {
            seen = Volatile.Read(ref current);
            next = change(seen);
        }
        while (!ReferenceEquals(Interlocked.CompareExchange(ref current, next, seen), seen));

        Changed?.Invoke(this, EventArgs.Empty);
    }
}
