namespace Aizu.Alerts.Tests;

public sealed class HouseholdPreferencesTests : IDisposable
{
    private static readonly DateTimeOffset Sent = TestGateway.Morning.AddMinutes(-30);
    private static readonly DateTimeOffset Expires = TestGateway.Morning.AddHours(6);
    private readonly TestCity city = new();

    [Fact]
    public async Task QuietHours_Level3IsSilentButLevel4BreaksThrough()
    {
        using var gateway = Kitaaizu(h => (h.QuietHoursStart, h.QuietHoursEnd) = (new TimeOnly(22, 0), new TimeOnly(7, 0)));

        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("l3", Sent, Expires, level: 3)));
        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("l4", Sent, Expires, level: 4)));

        var views = gateway.Board.GetCurrent();
        Assert.Equal(["l4", "l3"], views.Select(v => v.Identifier));
        Assert.True(views[0].Audible);
        Assert.True(views[0].Takeover);
        Assert.False(views[1].Audible);
        Assert.False(views[1].Takeover);

        // 07:00 JST: quiet hours are over, the level 3 alert may sound.
        gateway.Time.SetUtcNow(new DateTimeOffset(2026, 7, 10, 7, 0, 0, TimeSpan.FromHours(9)));
        Assert.All(gateway.Board.GetCurrent(), v => Assert.True(v.Audible));
    }

    [Fact]
    public async Task QuietHours_JAlertTypeBreaksThrough()
    {
        using var gateway = Kitaaizu(h => (h.QuietHoursStart, h.QuietHoursEnd) = (new TimeOnly(5, 0), new TimeOnly(8, 0)));

        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("missile", Sent, Expires, level: null, severity: "Extreme", urgency: "Immediate", category: "Security", jAlertType: JAlertTypes.BallisticMissile, polygon: null, geocode: "JP-JISX0402=07202")));

        var view = Assert.Single(gateway.Board.GetCurrent());
        Assert.True(view.Takeover);
        Assert.True(view.Audible);
        Assert.Equal(JAlertTypes.BallisticMissile, view.JAlertType);
        Assert.Equal(ColourBand.Black, view.Colour);
    }

    [Theory]
    [InlineData("2026-07-10T21:59:00+09:00", false)]
    [InlineData("2026-07-10T22:00:00+09:00", true)]
    [InlineData("2026-07-11T03:00:00+09:00", true)]
    [InlineData("2026-07-11T06:59:59+09:00", true)]
    [InlineData("2026-07-11T07:00:00+09:00", false)]
    [InlineData("2026-07-10T13:00:00Z", true)]
    public void InQuietHours_SpansMidnightInTheHouseholdsTimeZone(string now, bool quiet)
    {
        var household = new AlertPreferences { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(7, 0) };
        var calendar = new Aizu.Household.HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var localTime = TimeOnly.FromDateTime(calendar.LocalTime(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(quiet, HouseholdFilter.InQuietHours(household, localTime));
    }

    [Fact]
    public async Task MinimumLevel_HidesLowerLevelsButNeverLevel4()
    {
        using var gateway = Kitaaizu(h => h.MinimumLevel = 4);

        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("l2", Sent, Expires, level: 2)));
        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("l3", Sent, Expires, level: 3)));
        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("l5", Sent, Expires, level: 5)));

        Assert.Equal(["l5"], gateway.Board.GetCurrent().Select(v => v.Identifier));
    }

    [Fact]
    public async Task Categories_FilterBelowLevel4Only()
    {
        using var gateway = Kitaaizu(h => h.Categories.Add(CapCategory.Geo));

        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("met3", Sent, Expires, level: 3, category: "Met")));
        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("geo3", Sent, Expires, level: 3, category: "Geo")));
        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("met4", Sent, Expires, level: 4, category: "Met")));

        Assert.Equal(["met4", "geo3"], gateway.Board.GetCurrent().Select(v => v.Identifier));
    }

    [Fact]
    public async Task Languages_EnglishFirst_ShowsTheEnglishBlock()
    {
        using var gateway = Kitaaizu(h =>
        {
            h.Languages.Add("en");
            h.Languages.Add("ja");
        });

        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));

        var view = Assert.Single(gateway.Board.GetCurrent());
        Assert.Equal("en-US", view.Language);
        Assert.Equal("[Level 4] Evacuation order for the Kitaaizu district", view.Headline);
        Assert.Equal("Aizuwakamatsu City, Kitaaizu district", view.AreaDescription);
    }

    [Fact]
    public void BestInfo_FallsBackToTheFirstBlockWhenNoLanguageMatches()
    {
        var alert = CapParser.Parse(Fixture.Oasis("amber-multilingual.xml"));

        Assert.Equal("en-US", AlertViewFactory.BestInfo(alert.Infos, ["ja"])!.Language);
        Assert.Equal("es-US", AlertViewFactory.BestInfo(alert.Infos, ["ja", "es"])!.Language);
    }

    /// <summary>A gateway of the Kitaaizu household whose alert preferences <paramref name="prefer"/> sets.</summary>
    private TestGateway Kitaaizu(Action<AlertPreferences> prefer)
    {
        var household = TestGateway.Kitaaizu();
        prefer(household);
        return new TestGateway(city.PublicPem, household);
    }

    public void Dispose() => city.Dispose();
}
