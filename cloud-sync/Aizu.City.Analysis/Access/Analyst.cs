namespace Aizu.City.Analysis;

/// <summary>A registered analyst and the purposes whose data they may see.</summary>
/// <param name="Id">Database id.</param>
/// <param name="Name">Who (for the audit).</param>
/// <param name="Purposes">The purposes registered for them.</param>
public sealed record Analyst(long Id, string Name, IReadOnlySet<string> Purposes);
