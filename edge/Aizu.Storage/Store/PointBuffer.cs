namespace Aizu.Storage;

/// <summary>
/// Growable columns of points (timestamp in Unix ms, value, quality): the shape chunks are encoded
/// from and decoded into, without a struct per point.
/// </summary>
internal sealed class PointBuffer
{
    private long[] timestamps;
    private double[] values;
    private byte[] qualities;

    public PointBuffer(int capacity = 16)
    {
        timestamps = new long[capacity];
        values = new double[capacity];
        qualities = new byte[capacity];
    }

    public int Count { get; private set; }

    public Span<long> Timestamps => timestamps.AsSpan(0, Count);

    public Span<double> Values => values.AsSpan(0, Count);

    public Span<byte> Qualities => qualities.AsSpan(0, Count);

    public long LastTimestamp => timestamps[Count - 1];

    public void Add(long timestamp, double value, byte quality)
    {
        if (Count == timestamps.Length)
        {
            Grow(Count + 1);
        }

        timestamps[Count] = timestamp;
        values[Count] = value;
        qualities[Count] = quality;
        Count++;
    }

    public void AddRange(PointBuffer source, int start, int length)
    {
        EnsureCapacity(Count + length);
        source.timestamps.AsSpan(start, length).CopyTo(timestamps.AsSpan(Count));
        source.values.AsSpan(start, length).CopyTo(values.AsSpan(Count));
        source.qualities.AsSpan(start, length).CopyTo(qualities.AsSpan(Count));
        Count += length;
    }

    /// <summary>Makes room for <paramref name="length"/> points that the caller writes through the spans.</summary>
    public void SetCount(int length)
    {
        EnsureCapacity(length);
        Count = length;
    }

    public void Clear() => Count = 0;

    /// <summary>Drops the first <paramref name="length"/> points.</summary>
    public void RemoveFirst(int length)
    {
        var rest = Count - length;
        timestamps.AsSpan(length, rest).CopyTo(timestamps);
        values.AsSpan(length, rest).CopyTo(values);
        qualities.AsSpan(length, rest).CopyTo(qualities);
        Count = rest;
    }

    /// <summary>Index of the first point with a timestamp ≥ <paramref name="timestamp"/> (Count when none).</summary>
    public int LowerBound(long timestamp)
    {
        var index = Timestamps.BinarySearch(timestamp);
        return index >= 0 ? index : ~index;
    }

    /// <summary>True when timestamps strictly increase, the shape a chunk needs.</summary>
    public bool IsStrictlyIncreasing()
    {
        var span = Timestamps;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] <= span[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sorts by timestamp; of points with the same timestamp the one added last stays.</summary>
    public void SortKeepingLast()
    {
        if (IsStrictlyIncreasing())
        {
            return;
        }

        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = timestamps;
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var sortedTs = new long[Math.Max(16, Count)];
        var sortedValues = new double[sortedTs.Length];
        var sortedQualities = new byte[sortedTs.Length];
        var n = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var source = order[i];
            if (n > 0 && sortedTs[n - 1] == keys[source])
            {
                n--;
            }

            sortedTs[n] = keys[source];
            sortedValues[n] = values[source];
            sortedQualities[n] = qualities[source];
            n++;
        }

        timestamps = sortedTs;
        values = sortedValues;
        qualities = sortedQualities;
        Count = n;
    }

    /// <summary>
    /// Merges sorted <paramref name="incoming"/> into this sorted buffer (an incoming point replaces a
    /// stored one with the same timestamp), using <paramref name="scratch"/> and swapping storage with it.
    /// </summary>
    public void MergeFrom(PointBuffer incoming, PointBuffer scratch)
    {
        if (incoming.Count == 0)
        {
            return;
        }

        if (Count == 0 || incoming.timestamps[0] > LastTimestamp)
        {
            AddRange(incoming, 0, incoming.Count);
            return;
        }

        scratch.Clear();
        scratch.EnsureCapacity(Count + incoming.Count);
        int i = 0, j = 0;
        while (i < Count || j < incoming.Count)
        {
            if (j == incoming.Count || (i < Count && timestamps[i] < incoming.timestamps[j]))
            {
                scratch.Add(timestamps[i], values[i], qualities[i]);
                i++;
            }
            else
            {
                if (i < Count && timestamps[i] == incoming.timestamps[j])
                {
                    i++;
                }

                scratch.Add(incoming.timestamps[j], incoming.values[j], incoming.qualities[j]);
                j++;
            }
        }

        (timestamps, scratch.timestamps) = (scratch.timestamps, timestamps);
        (values, scratch.values) = (scratch.values, values);
        (qualities, scratch.qualities) = (scratch.qualities, qualities);
        (Count, scratch.Count) = (scratch.Count, Count);
    }

    private void EnsureCapacity(int capacity)
    {
        if (capacity > timestamps.Length)
        {
            Grow(capacity);
        }
    }

    private void Grow(int needed)
    {
        var size = Math.Max(needed, timestamps.Length * 2);
        Array.Resize(ref timestamps, size);
        Array.Resize(ref values, size);
        Array.Resize(ref qualities, size);
    }
}
