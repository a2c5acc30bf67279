namespace Aizu.City.Analysis;

/// <summary>The analyst host's settings (section <c>Aizu:City:Analysis</c>, docs/city.md).</summary>
public sealed class AnalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Aizu:City:Analysis";

    /// <summary>The ingest's PostgreSQL database (a role that may read the aggregates and write the analyst tables).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Where the API and the page listen.</summary>
    public string Url { get; set; } = "http://127.0.0.1:9480";

    /// <summary>The city's offset from UTC: local days and hours are counted in it.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(9);

    /// <summary>The data category the statistics are of.</summary>
    public string Category { get; set; } = "elec.import.energy";

    /// <summary>The window length day and month tables are built from (ISO 8601).</summary>
    public string DayAggregation { get; set; } = "P1D";

    /// <summary>The window length hour-of-day profiles are built from (ISO 8601).</summary>
    public string HourAggregation { get; set; } = "PT1H";

    /// <summary>The ε each published (differentially private) series of a purpose may spend, unless the purpose's rules say otherwise.</summary>
    public decimal EpsilonBudget { get; set; } = 1m;

    /// <summary>The per-household clipping bound of published tables, Wh per cell, unless the purpose's rules say otherwise.</summary>
    public long ClipWh { get; set; } = 30_000;
}
