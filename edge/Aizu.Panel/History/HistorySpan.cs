namespace Aizu.Panel;

/// <summary>The periods the history screen pages through.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<HistorySpan>))]
public enum HistorySpan
{
    /// <summary>One local day in 30-minute buckets (the meter's own grid in Japan).</summary>
    Day,

    /// <summary>Monday to Sunday in daily buckets.</summary>
    Week,

    /// <summary>One calendar month in daily buckets.</summary>
    Month,

    /// <summary>One calendar year in monthly buckets.</summary>
    Year,
}
