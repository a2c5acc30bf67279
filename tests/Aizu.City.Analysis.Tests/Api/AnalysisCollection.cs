namespace Aizu.City.Analysis.Tests;

/// <summary>The API tests share one PostgreSQL and one host (each test registers its own analysts).</summary>
[CollectionDefinition(Name)]
public sealed class AnalysisCollection : ICollectionFixture<AnalysisServer>
{
    public const string Name = "analysis server";
}
