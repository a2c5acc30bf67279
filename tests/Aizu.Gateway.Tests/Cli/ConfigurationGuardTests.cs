namespace Aizu.Gateway.Tests.Cli;

public sealed class ConfigurationGuardTests
{
    [Fact]
    public void MisspeltKey_IsReportedWithTheKnownKeys()
    {
        var configuration = Build(new() { ["Aizu:BRoute:Pasword"] = "0123456789AB" });

        var problem = Assert.Single(ConfigurationGuard.FindProblems(configuration));

        Assert.Contains("'Aizu:BRoute:Pasword'", problem, StringComparison.Ordinal);
        Assert.Contains("Password", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltSection_IsReported()
    {
        var configuration = Build(new() { ["Aizu:Broute2:Password"] = "x" });

        Assert.Contains("Unknown configuration section 'Aizu:Broute2'", Assert.Single(ConfigurationGuard.FindProblems(configuration)), StringComparison.Ordinal);
    }

    [Fact]
    public void KnownKeys_InAnyCase_AreAccepted()
    {
        var configuration = Build(new()
        {
            ["Aizu:BRoute:Password"] = "0123456789AB",
            ["aizu:storage:databasepath"] = "x.db",
            ["Aizu:Panel:Urls"] = "http://127.0.0.1:8480",
        });

        Assert.Empty(ConfigurationGuard.FindProblems(configuration));
    }

    [Fact]
    public void AlertHouseholdSettings_AreKnown_AndAMisspeltOneIsReported()
    {
        var configuration = Build(new()
        {
            ["Aizu:Alerts:CityKeyFile"] = "/etc/aizu/city-alerts.pub.pem",
            ["Aizu:Alerts:Household:Latitude"] = "37.49",
            ["Aizu:Alerts:Household:Longitude"] = "139.86",
            ["Aizu:Alerts:Household:Geocodes:0:Name"] = "JP-District",
            ["Aizu:Alerts:Household:Geocodes:0:Value"] = "07202-kitaaizu",
            ["Aizu:Alerts:Household:DistrictName"] = "北会津",
            ["Aizu:Alerts:Household:Languages:0"] = "ja",
            ["Aizu:Alerts:Household:Categories:0"] = "Met",
            ["Aizu:Alerts:Household:MinimumLevel"] = "2",
            ["Aizu:Alerts:Household:QuietHoursStart"] = "22:00",
            ["Aizu:Alerts:Household:QuietHoursEnd"] = "07:00",
            ["Aizu:Egress:DeliveredRetention"] = "30.00:00:00",
        });
        Assert.Empty(ConfigurationGuard.FindProblems(configuration));

        var misspelt = Build(new()
        {
            ["Aizu:Alerts:Household:Lattitude"] = "37.49",
            ["Aizu:Alerts:Household:Geocodes:0:Nmae"] = "JP-District",
        });
        var problems = ConfigurationGuard.FindProblems(misspelt);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'Aizu:Alerts:Household:Lattitude'", StringComparison.Ordinal) && p.Contains("Latitude", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Aizu:Alerts:Household:Geocodes:0:Nmae'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Aizu:Storage:TimeZone")]
    [InlineData("Aizu:Tariff:TimeZone")]
    [InlineData("Aizu:Panel:TimeZone")]
    [InlineData("Aizu:Egress:TimeZone")]
    [InlineData("Aizu:Alerts:Household:TimeZone")]
    public void AnOldTimeZoneKey_IsRefusedInOneLineNamingTheHouseholdKey(string key)
    {
        var configuration = Build(new() { [key] = "Asia/Tokyo", ["Aizu:Household:TimeZone"] = "Asia/Tokyo" });

        var problem = Assert.Single(ConfigurationGuard.FindProblems(configuration));

        Assert.StartsWith($"{key} is no longer read; set Aizu:Household:TimeZone", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void AnOldTimeZoneKey_IsRefusedInWhateverCaseItIsWritten()
    {
        var configuration = Build(new() { ["aizu:storage:timezone"] = "Asia/Tokyo" });

        Assert.StartsWith("Aizu:Storage:TimeZone is no longer read", Assert.Single(ConfigurationGuard.FindProblems(configuration)), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHouseholdTimeZone_IsKnown() =>
        Assert.Empty(ConfigurationGuard.FindProblems(Build(new() { ["Aizu:Household:TimeZone"] = "Europe/Amsterdam" })));

    private static IConfiguration Build(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
