namespace Aizu.Packaging.Tests;

/// <summary>The package tests share one build and never run at the same time: they install system-wide.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<DebianPackages>
{
    public const string Name = "Debian packages";
}
