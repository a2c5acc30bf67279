namespace Aizu.Hardware.Sml.Tests;

/// <summary>
/// Changes one list entry of a real SML file the way odd meters and firmware do (another value or value type, another
/// OBIS code, another unit, another scaler, up to ones that overflow) or inserts an entry nobody knows, and writes the
/// file again with <see cref="SmlFileWriter"/>, whose message and transport CRCs are then right: a frame a meter could
/// really send, which the gateway must accept while skipping what it cannot use.
/// </summary>
/// <param name="random">Seeded by the test, so a failure names a run that can be repeated.</param>
internal sealed class SmlFileMutator(Random random)
{
    /// <summary>The mutated file, the entry that was changed or inserted, the object names the change may touch, and a
    /// description for failure messages.</summary>
    public (SmlFile File, SmlListEntry Entry, List<byte[]> Touched, string What) Mutate(SmlFile file)
    {
        var lists = file.Messages.Where(m => m.Body is SmlGetListResponse).ToList();
        var message = lists[random.Next(lists.Count)];
        var list = (SmlGetListResponse)message.Body!;
        var entries = list.Entries.ToList();
        int kind = random.Next(5);
        SmlListEntry changed;
        var touched = new List<byte[]>();
        string what;
        if (kind == 4 || entries.Count == 0)
        {
            changed = new SmlListEntry(UnknownName(), null, null, (byte)random.Next(256), (sbyte)random.Next(-128, 128), RandomValue(), null);
            int at = random.Next(entries.Count + 1);
            entries.Insert(at, changed);
            what = $"inserting an entry {Describe(changed)} at {at}";
        }
        else
        {
            int index = random.Next(entries.Count);
            var entry = entries[index];
            touched.Add(entry.ObjectName);
            changed = kind switch
            {
                0 => entry with { Value = RandomValue() },
                1 => entry with { ObjectName = random.Next(2) == 0 ? entries[random.Next(entries.Count)].ObjectName : UnknownName() },
                2 => entry with { Unit = random.Next(8) == 0 ? null : (byte)random.Next(256) },
                _ => entry with { Scaler = random.Next(8) == 0 ? null : (sbyte)random.Next(-128, 128) },
            };
            touched.Add(changed.ObjectName);
            entries[index] = changed;
            what = $"changing entry {index} {Describe(entry)} to {Describe(changed)}";
        }

        var messages = file.Messages.Select(m => m == message ? m with { Body = list with { Entries = entries } } : m).ToList();
        return (new SmlFile(messages), changed, touched, what);
    }

    /// <summary>The file with every entry named in <paramref name="names"/> taken out: what the values that do not
    /// depend on those objects are computed from.</summary>
    public static SmlFile Without(SmlFile file, IReadOnlyCollection<byte[]> names) =>
        new([.. file.Messages.Select(m => m.Body is SmlGetListResponse list
            ? m with { Body = list with { Entries = [.. list.Entries.Where(e => !Named(e, names))] } }
            : m)]);

    /// <summary>The file with the integer value of every entry named in <paramref name="names"/> raised by seven.</summary>
    public static SmlFile Nudged(SmlFile file, IReadOnlyCollection<byte[]> names) =>
        new([.. file.Messages.Select(m => m.Body is SmlGetListResponse list
            ? m with { Body = list with { Entries = [.. list.Entries.Select(e => Named(e, names) && e.Value.Number is { } n && n < long.MaxValue - 7 ? e with { Value = e.Value with { Number = n + 7 } } : e)] } }
            : m)]);

    private static bool Named(SmlListEntry entry, IReadOnlyCollection<byte[]> names) => names.Any(n => n.AsSpan().SequenceEqual(entry.ObjectName));

    private static string Describe(SmlListEntry e) =>
        $"{e.Obis?.ToString() ?? Convert.ToHexString(e.ObjectName)} unit {e.Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} scaler {e.Scaler?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} value {e.Value}";

    private byte[] UnknownName() => random.Next(3) == 0
        ? [.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256))]
        : [1, 0, (byte)(100 + random.Next(100)), (byte)random.Next(100), (byte)random.Next(10), 255];

    private SmlValue RandomValue() => random.Next(6) switch
    {
        0 => new SmlValue(SmlValueKind.SignedInteger, Number: random.NextInt64(long.MinValue, long.MaxValue)),
        1 => new SmlValue(SmlValueKind.UnsignedInteger, Number: (ulong)random.NextInt64(0, long.MaxValue) * 2),
        2 => new SmlValue(SmlValueKind.SignedInteger, Number: random.Next(-100_000, 100_000)),
        3 => new SmlValue(SmlValueKind.Bytes, Bytes: [.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => (byte)random.Next(256))]),
        4 => new SmlValue(SmlValueKind.Boolean, Boolean: random.Next(2) == 0),
        _ => SmlValue.None,
    };
}
