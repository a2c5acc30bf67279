namespace Aizu.City.Analysis;

/// <summary>
/// The provenance digests of one released table's cells (<see cref="ProvenanceDigest"/>: the same bytes), computed
/// all at once. The hashed text is put together from pieces encoded once per table (the entry's number, each area,
/// each column, each consent snapshot) instead of formatting every cell's key, and the cells are split between the
/// processors: a year of daily cells is 19 000 SHA-256, the larger part of writing the response. The digests need
/// only the audit entry's number, so they can be computed while the entry is being written (nothing of them reaches
/// the analyst before it is committed).
/// </summary>
internal sealed class ProvenanceDigests : IDisposable
{
    // Cells per piece of work: large enough that a piece's encoded columns and areas are reused many times.
    private const int PieceSize = 2048;

    private readonly byte[] digests;

    private ProvenanceDigests(byte[] digests) => this.digests = digests;

    /// <summary>Every released cell's digest in audit entry <paramref name="auditSeq"/> (suppressed cells have none).</summary>
    public static ProvenanceDigests Compute(long auditSeq, IReadOnlyList<StatisticsCell> cells, IReadOnlyDictionary<IReadOnlyList<string>, string> snapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(snapshots);
        var digests = ArrayPool<byte>.Shared.Rent(Math.Max(1, cells.Count * ProvenanceDigest.Length));
        var seq = Encoding.ASCII.GetBytes(auditSeq.ToString(CultureInfo.InvariantCulture) + "\n");
        var pieces = (cells.Count + PieceSize - 1) / PieceSize;
        Parallel.For(0, pieces, new ParallelOptions { CancellationToken = cancellationToken }, () => new Piece(seq), (piece, _, state) =>
        {
            for (var cell = piece * PieceSize; cell < Math.Min(cells.Count, (piece + 1) * PieceSize); cell++)
            {
                if (cells[cell].Status == CellStatus.Released)
                {
                    state.Write(cells[cell].Key, snapshots[cells[cell].Consents], digests.AsSpan(cell * ProvenanceDigest.Length, ProvenanceDigest.Length));
                }
            }

            return state;
        }, state => state.Dispose());
        return new ProvenanceDigests(digests);
    }

    /// <summary>The digest of cell <paramref name="cell"/> (its index in the table; released cells only).</summary>
    public ReadOnlySpan<byte> Of(int cell) => digests.AsSpan(cell * ProvenanceDigest.Length, ProvenanceDigest.Length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(digests);

    // One worker's hash object and encoded pieces. A table's cells run area by area, so the last area and snapshot
    // are nearly always the next cell's too.
    private sealed class Piece(byte[] seq) : IDisposable
    {
        private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly Dictionary<(DateOnly, DateOnly, int?), byte[]> columns = [];
        private readonly Dictionary<string, byte[]> snapshots = new(StringComparer.Ordinal);
        private readonly Dictionary<string, byte[]> areas = new(StringComparer.Ordinal);
        private byte[] input = new byte[256];
        private (string? Text, byte[] Bytes) lastArea = (null, []), lastSnapshot = (null, []);

        // "{seq}\n{area}|{first day}|{day after the last}|{hour}\n{snapshot}", as ProvenanceDigest.Write formats it.
        public void Write(CellKey key, string snapshot, Span<byte> destination)
        {
            if (!ReferenceEquals(key.Area, lastArea.Text))
            {
                lastArea = (key.Area, Cached(areas, key.Area, a => Encoding.UTF8.GetBytes(a.Length == 0 ? "(all)" : a)));
            }

            if (!ReferenceEquals(snapshot, lastSnapshot.Text))
            {
                lastSnapshot = (snapshot, Cached(snapshots, snapshot, Encoding.UTF8.GetBytes));
            }

            var (area, consents) = (lastArea.Bytes, lastSnapshot.Bytes);
            if (!columns.TryGetValue((key.From, key.To, key.Hour), out var column))
            {
                // The key's text after its area, with the line break before the snapshot.
                var text = new CellKey("", key.From, key.To, key.Hour).ToString();
                column = columns[(key.From, key.To, key.Hour)] = Encoding.ASCII.GetBytes(text[text.IndexOf('|', StringComparison.Ordinal)..] + "\n");
            }

            var length = seq.Length + area.Length + column.Length + consents.Length;
            if (length > input.Length)
            {
                input = new byte[length];
            }

            seq.CopyTo(input, 0);
            area.CopyTo(input, seq.Length);
            column.CopyTo(input, seq.Length + area.Length);
            consents.CopyTo(input, seq.Length + area.Length + column.Length);
            ProvenanceDigest.Hash(input.AsSpan(0, length), destination, sha256);
        }

        public void Dispose() => sha256.Dispose();

        private static byte[] Cached(Dictionary<string, byte[]> cache, string text, Func<string, byte[]> encode)
        {
            if (!cache.TryGetValue(text, out var bytes))
            {
                bytes = cache[text] = encode(text);
            }

            return bytes;
        }
    }
}
