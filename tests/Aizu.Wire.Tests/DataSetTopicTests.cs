namespace Aizu.Wire.Tests;

/// <summary>The pieces of the contract the city ingest reads by: topics taken apart, the deletion confirmation, window ends.</summary>
public sealed class DataSetTopicTests
{
    [Fact]
    public void DataTopic_TakesTheBuiltTopicApart_AndRefusesOtherShapes()
    {
        Assert.True(DataTopic.TryParse(WireTopics.Data("city-energy-planning", "elec.import.energy", "a8990db1f9b9d20d"), out var topic));
        Assert.Equal(new DataTopic("city-energy-planning", "elec.import.energy", "a8990db1f9b9d20d"), topic);
        Assert.False(DataTopic.TryParse("aizu/v1/dt/only/two", out _));
        Assert.False(DataTopic.TryParse("aizu/v1/dt/a/b/c/d", out _));
        Assert.False(DataTopic.TryParse("aizu/v1/dt/a//c", out _));
        Assert.False(DataTopic.TryParse("aizu/v1/consent/gw-1", out _));
    }

    [Theory]
    [InlineData("aizu/v1/consent/gw-test-0001", "gw-test-0001", false)]
    [InlineData("aizu/v1/consent/gw-test-0001/deletion", "gw-test-0001", true)]
    [InlineData("aizu/v1/consent/city-energy-planning/a8990db1f9b9d20d", "city-energy-planning/a8990db1f9b9d20d", false)]
    [InlineData("aizu/v1/consent/city-energy-planning/a8990db1f9b9d20d/deletion", "city-energy-planning/a8990db1f9b9d20d", true)]
    public void ConsentTopic_ReadsTodaysAndPerDataSetTopics_AsAnOpaqueScope(string text, string scope, bool deletion)
    {
        Assert.True(ConsentTopic.TryParse(text, out var topic));
        Assert.Equal(new ConsentTopic(scope, deletion), topic);
    }

    [Theory]
    [InlineData("aizu/v1/consent/")]
    [InlineData("aizu/v1/consent/deletion")]
    [InlineData("aizu/v1/consent/a/b/c")]
    [InlineData("aizu/v1/status/gw-1")]
    public void ConsentTopic_RefusesOtherShapes(string text) => Assert.False(ConsentTopic.TryParse(text, out _));

    [Fact]
    public void DeletionConfirmation_PinnedBytes_RoundTrip()
    {
        var message = new DeletionConfirmationMessage("peak-a@1", "peak-demand-study", "elec.import.energy", "04968c60158a71f4", "city-energy-office", "019cb476a3c07fa6afae6439e65948f1", 25, new DateTimeOffset(2026, 3, 3, 16, 10, 0, TimeSpan.Zero));
        var bytes = DeletionConfirmationPayload.Write(message);
        Assert.Equal(
            """{"confirm":"deleted","consent":"peak-a@1","purpose":"peak-demand-study","category":"elec.import.energy","pseudonym":"04968c60158a71f4","recipient":"city-energy-office","request":"019cb476a3c07fa6afae6439e65948f1","rows":25,"at":"2026-03-03T16:10:00Z"}""",
            Encoding.UTF8.GetString(bytes));
        Assert.Equal(message, DeletionConfirmationPayload.Read(bytes));
        Assert.Equal("aizu/v1/deleted/peak-demand-study/04968c60158a71f4", WireTopics.DeletionConfirmation("peak-demand-study", "04968c60158a71f4"));
        Assert.Throws<FormatException>(() => DeletionConfirmationPayload.Read("""{"confirm":"kept"}"""u8));
    }

    [Theory]
    [InlineData("PT30M", "2026-03-01T15:30:00Z")]
    [InlineData("PT1H", "2026-03-01T16:00:00Z")]
    [InlineData("P1D", "2026-03-02T15:00:00Z")]
    [InlineData("P1M", "2026-04-01T15:00:00Z")]
    [InlineData("P24M", "2028-03-01T15:00:00Z")]
    public void IsoDuration_After_AddsOnTheUtcCalendar(string duration, string end)
    {
        Assert.True(IsoDuration.TryParse(duration, out var parsed));
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), parsed.After(new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero)));
    }
}
