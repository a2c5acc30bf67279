namespace Aizu.Hardware.Skstack.Tests;

/// <summary>Reads items the way a serial driver would, with a TryRead that may ask for more bytes.</summary>
internal delegate bool TryReadItem<T>(ref SequenceReader<byte> reader, out T? item);

/// <summary>
/// Feeds chunks to a reader like a serial driver: unconsumed bytes are kept and the next chunk is appended as a
/// separate sequence segment, so reads also cross segment boundaries.
/// </summary>
internal static class WireFeed
{
    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    public static List<SkstackMessage> Read(SkstackReader reader, params byte[][] chunks) =>
        Feed<SkstackMessage>(reader.TryRead, chunks);

    public static List<SkstackCommand> Read(SkstackCommandReader reader, params byte[][] chunks) =>
        Feed<SkstackCommand>(reader.TryRead, chunks);

    /// <summary>
    /// Feeds every chunk in turn and returns all items. Fails the test if a call returns true without consuming
    /// anything twice in a row (the only such call allowed is the one that flushes a finished EPANDESC block).
    /// </summary>
    public static List<T> Feed<T>(TryReadItem<T> tryRead, IEnumerable<byte[]> chunks)
    {
        var items = new List<T>();
        byte[] pending = [];
        foreach (var chunk in chunks)
        {
            var sequence = Segments(pending, chunk);
            var reader = new SequenceReader<byte>(sequence);
            var stalled = 0;
            while (true)
            {
                var before = reader.Consumed;
                if (!tryRead(ref reader, out var item))
                {
                    Assert.Equal(default, item);
                    break;
                }

                Assert.NotNull(item);
                items.Add(item);
                stalled = reader.Consumed == before ? stalled + 1 : 0;
                Assert.True(stalled <= 1, "TryRead returned true twice without consuming input");
            }

            pending = reader.UnreadSequence.ToArray();
        }

        return items;
    }

    /// <summary>Splits <paramref name="bytes"/> at <paramref name="at"/> into two chunks.</summary>
    public static byte[][] SplitAt(byte[] bytes, int at) => [bytes[..at], bytes[at..]];

    private static ReadOnlySequence<byte> Segments(byte[] first, byte[] second) => SegmentedSequence.Of([first, second]);
}
