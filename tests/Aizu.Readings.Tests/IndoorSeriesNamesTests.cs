namespace Aizu.Readings.Tests;

public sealed class IndoorSeriesNamesTests
{
    [Theory]
    [InlineData("living", IndoorQuantity.Temperature, "indoor.living.temperature")]
    [InlineData("bedroom-2", IndoorQuantity.Humidity, "indoor.bedroom-2.humidity")]
    [InlineData("kids_room", IndoorQuantity.Pressure, "indoor.kids_room.pressure")]
    [InlineData("study", IndoorQuantity.Co2, "indoor.study.co2")]
    public void Indoor_BuildsTheDottedName(string room, IndoorQuantity quantity, string expected) =>
        Assert.Equal(expected, SeriesNames.Indoor(room, quantity));

    [Theory]
    [InlineData("")]
    [InlineData("Living")]
    [InlineData("living room")]
    [InlineData("living.room")]
    [InlineData("2nd")]
    [InlineData("a-very-long-room-name-over-32-chars")]
    public void Indoor_RejectsWhatIsNotASlug(string room)
    {
        var error = Assert.Throws<ArgumentException>(() => SeriesNames.Indoor(room, IndoorQuantity.Temperature));
        Assert.Contains("slug", error.Message, StringComparison.Ordinal);
        Assert.False(SeriesNames.IsRoomSlug(room));
    }
}
