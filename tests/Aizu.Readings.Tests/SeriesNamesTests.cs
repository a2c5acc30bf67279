namespace Aizu.Readings.Tests;

public sealed partial class SeriesNamesTests
{
    private static IEnumerable<string> AllNames() =>
        typeof(SeriesNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void SeriesNames_AreDottedLowerCaseCategories()
    {
        // Consent categories (elec.import.energy …) and storage queries use these names verbatim,
        // so they must stay in the category grammar.
        Assert.All(AllNames(), name => Assert.Matches(CategoryGrammar(), name));
    }

    [Fact]
    public void SeriesNames_AreDistinct()
    {
        var names = AllNames().ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Reading_WithoutQuality_IsGood()
    {
        var reading = new Reading(SeriesNames.ElectricPower, DateTimeOffset.UnixEpoch, 1, Units.Watt);
        Assert.Equal(ReadingQuality.Good, reading.Quality);
    }

    [GeneratedRegex("^[a-z]+(\\.[a-z]+)+$")]
    private static partial Regex CategoryGrammar();
}
