namespace Aizu.City.Ingest;

/// <summary>
/// What the city stores and deletes by: one purpose under one pseudonym. A household has a data set per
/// purpose (and per pseudonym period); the city never learns which data sets belong together.
/// </summary>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Pseudonym">The data set's pseudonym.</param>
public readonly record struct DataSet(string Purpose, string Pseudonym)
{
    /// <summary>The consent scope a per-data-set consent topic (<c>aizu/v1/consent/{purpose}/{pseudonym}</c>) names.</summary>
    public string Scope => $"{Purpose}/{Pseudonym}";
}
