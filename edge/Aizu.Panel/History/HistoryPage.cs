namespace Aizu.Panel;

/// <summary>
/// One page of history: the span, its local first day, the neighbouring pages (<see cref="Next"/> is null
/// when it would be in the future) and the buckets with their totals. With a time-of-use tariff,
/// <see cref="Periods"/> splits the energy bought by tariff period (in <see cref="Currency"/>); otherwise it is null.
/// </summary>
public sealed record HistoryPage(
    HistorySpan Span,
    DateOnly Date,
    DateOnly Previous,
    DateOnly? Next,
    string TimeZone,
    DateTimeOffset From,
    DateTimeOffset To,
    double? ImportKWh,
    double? ExportKWh,
    IReadOnlyList<HistoryBucket> Buckets,
    string? Currency = null,
    IReadOnlyList<HistoryPeriod>? Periods = null);
