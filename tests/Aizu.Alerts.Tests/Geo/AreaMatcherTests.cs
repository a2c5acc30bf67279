namespace Aizu.Alerts.Tests;

public sealed class AreaMatcherTests : IDisposable
{
    private static readonly DateTimeOffset Sent = TestGateway.Morning.AddMinutes(-30);
    private static readonly DateTimeOffset Expires = TestGateway.Morning.AddHours(6);
    private readonly TestCity city = new();

    [Fact]
    public void Contains_PointInsideAndOutsideTheKitaaizuPolygon()
    {
        var polygon = CapPolygon.Parse(CapXml.KitaaizuPolygon);

        Assert.True(AreaMatcher.Contains(polygon, new GeoPoint(37.49, 139.86)));
        Assert.False(AreaMatcher.Contains(polygon, new GeoPoint(37.4877, 139.9297)));
        Assert.False(AreaMatcher.Contains(polygon, new GeoPoint(37.54, 139.86)));
    }

    [Fact]
    public void Contains_PointOnTheBoundaryCountsAsInside()
    {
        var polygon = CapPolygon.Parse("37.0,139.0 38.0,139.0 38.0,140.0 37.0,140.0 37.0,139.0");

        Assert.True(AreaMatcher.Contains(polygon, new GeoPoint(37.5, 139.0)));
        Assert.True(AreaMatcher.Contains(polygon, new GeoPoint(38.0, 140.0)));
    }

    [Fact]
    public void Contains_ConcavePolygonNotch_IsOutside()
    {
        // A "U" shape: the notch between the arms is outside.
        var polygon = CapPolygon.Parse("0,0 3,0 3,3 2,3 2,1 1,1 1,3 0,3 0,0");

        Assert.False(AreaMatcher.Contains(polygon, new GeoPoint(1.5, 2)));
        Assert.True(AreaMatcher.Contains(polygon, new GeoPoint(0.5, 2)));
    }

    [Fact]
    public void DistanceKm_MatchesKnownGreatCircleDistances()
    {
        // Tokyo Station to Shin-Osaka Station is about 403 km as the crow flies.
        var tokyo = new GeoPoint(35.6812, 139.7671);
        var shinOsaka = new GeoPoint(34.7334, 135.5002);

        Assert.InRange(AreaMatcher.DistanceKm(tokyo, shinOsaka), 398, 408);
        Assert.InRange(AreaMatcher.DistanceKm(new GeoPoint(0, 0), new GeoPoint(0, 1)), 111.1, 111.3);
        Assert.Equal(0, AreaMatcher.DistanceKm(tokyo, tokyo));
    }

    [Fact]
    public void Contains_Circle_UsesHaversineDistance()
    {
        var circle = CapCircle.Parse("37.4877,139.9297 2.5");

        Assert.True(AreaMatcher.Contains(circle, new GeoPoint(37.50, 139.94)));
        Assert.False(AreaMatcher.Contains(circle, new GeoPoint(37.49, 139.86)));
    }

    [Fact]
    public async Task Gateway_GeocodeOfTheDistrict_IsShown()
    {
        var household = new AlertPreferences();
        household.Geocodes.Add(new GeocodeSetting { Name = "jp-district", Value = "07202-kitaaizu" });
        using var gateway = new TestGateway(city.PublicPem, household);

        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("g", Sent, Expires, polygon: null)));

        Assert.Equal(AreaMatch.Inside, Assert.Single(gateway.Board.GetCurrent()).AreaMatch);
    }

    [Fact]
    public async Task Gateway_InAnotherDistrict_DoesNotShowIt()
    {
        using var gateway = new TestGateway(city.PublicPem, TestGateway.CityCentre());

        var receipt = await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));

        Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
        Assert.Empty(gateway.Board.GetCurrent());
        Assert.Contains(gateway.Logger.Entries, e => e.Message.Contains("not for this household", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_MovingTheHouseholdIntoTheDistrict_ShowsItAtOnce()
    {
        using var gateway = new TestGateway(city.PublicPem, TestGateway.CityCentre());
        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));
        Assert.Empty(gateway.Board.GetCurrent());

        gateway.Monitor.CurrentValue = new AlertOptions { CityKeyPem = city.PublicPem, Household = TestGateway.Kitaaizu() };

        Assert.Single(gateway.Board.GetCurrent());
    }

    [Fact]
    public async Task Gateway_PointInsideCircle_IsShownAndOutsideIsNot()
    {
        var inside = new AlertPreferences { Latitude = 37.50, Longitude = 139.94 };
        var outside = new AlertPreferences { Latitude = 37.40, Longitude = 139.94 };
        var xml = CapXml.Alert("c", Sent, Expires, polygon: null, geocode: null, circle: "37.4877,139.9297 2.5");
        using var near = new TestGateway(city.PublicPem, inside);
        using var far = new TestGateway(city.PublicPem, outside);

        await near.ReceiveAsync(city.Sign(xml));
        await far.ReceiveAsync(city.Sign(xml));

        Assert.Single(near.Board.GetCurrent());
        Assert.Empty(far.Board.GetCurrent());
    }

    [Fact]
    public async Task Gateway_CityWideMunicipalityCode_IsShownInEveryDistrict()
    {
        using var centre = new TestGateway(city.PublicPem, TestGateway.CityCentre());

        await centre.ReceiveAsync(city.Sign(CapXml.Alert("city", Sent, Expires, polygon: null, geocode: "JP-JISX0402=07202", areaDesc: "会津若松市全域")));

        Assert.Single(centre.Board.GetCurrent());
    }

    [Fact]
    public async Task Gateway_WithoutAnyLocation_ShowsEverythingAsUnknownArea()
    {
        using var gateway = new TestGateway(city.PublicPem, new AlertPreferences());

        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));

        Assert.Equal(AreaMatch.Unknown, Assert.Single(gateway.Board.GetCurrent()).AreaMatch);
    }

    [Fact]
    public void Match_AreaOfAnotherKind_IsUnknownNotOutside()
    {
        // The household set only a point; the area has only a geocode: nothing to compare, so it is shown.
        var alert = CapParser.Parse(System.Text.Encoding.UTF8.GetBytes(CapXml.Alert("k", Sent, Expires, polygon: null)));

        Assert.Equal(AreaMatch.Unknown, AreaMatcher.Match(alert, new AlertPreferences { Latitude = 37.4877, Longitude = 139.9297 }));
    }

    [Theory]
    [InlineData("SAME", "006109")]
    [InlineData("JP-JISX0402", "")]
    public void Match_GeocodeOfASystemTheHouseholdHasNoCodeIn_IsUnknownNotOutside(string name, string value)
    {
        var area = new CapArea("d", [], [], [new CapNamedValue(name, value)], null, null);
        var household = new AlertPreferences();
        household.Geocodes.Add(new GeocodeSetting { Name = "JP-JISX0402", Value = "07202" });

        Assert.Equal(AreaMatch.Unknown, AreaMatcher.Match(area, household));
        Assert.Equal(AreaMatch.Outside, AreaMatcher.Match(area with { Geocodes = [new CapNamedValue("JP-JISX0402", "07203")] }, household));
    }

    public void Dispose() => city.Dispose();
}
