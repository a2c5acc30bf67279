namespace Aizu.City.Statistics;

/// <summary>
/// What a cell measures, independent of the table it appeared in: the energy of <see cref="Area"/> over local days
/// [From, To), in local hour <see cref="Hour"/> only when set. Two tables' cells with equal keys are the same number,
/// which is how the rules follow an analyst across queries.
/// </summary>
/// <param name="Area">Area code; "" is every household of the purpose, <c>x/*</c> (or <c>*</c>) those of x with no finer district.</param>
/// <param name="From">First local day.</param>
/// <param name="To">Day after the last.</param>
/// <param name="Hour">Local hour of day, or null for all hours.</param>
public readonly record struct CellKey(string Area, DateOnly From, DateOnly To, int? Hour) : IUtf8SpanFormattable
{
    /// <summary>A stable text form (also what the audit stores and provenance digests hash):
    /// <c>area|first day|day after the last|hour</c>, <c>(all)</c> for the whole purpose and <c>*</c> for all hours.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{(Area.Length == 0 ? "(all)" : Area)}|{From:yyyy-MM-dd}|{To:yyyy-MM-dd}|{(Hour is { } h ? h.ToString("00", CultureInfo.InvariantCulture) : "*")}");

    /// <summary>The text form of <see cref="ToString"/> as UTF-8, without allocating (the format and provider are ignored).</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Hour is { } hour
            ? Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{(Area.Length == 0 ? "(all)" : Area)}|{From:yyyy-MM-dd}|{To:yyyy-MM-dd}|{hour:00}", out bytesWritten)
            : Utf8.TryWrite(utf8Destination, CultureInfo.InvariantCulture, $"{(Area.Length == 0 ? "(all)" : Area)}|{From:yyyy-MM-dd}|{To:yyyy-MM-dd}|*", out bytesWritten);

    /// <summary>True when both keys measure the same area in the same hours (their intervals may differ).</summary>
    public bool SameSeries(CellKey other) => Area == other.Area && Hour == other.Hour;
}
