namespace Aizu.Alerts.Tests;

public sealed class EvacuationLevelTests
{
    private static readonly DateTimeOffset Sent = TestGateway.Morning;

    [Theory]
    [InlineData(5, CapSeverity.Extreme, CapUrgency.Immediate, ColourBand.Black)]
    [InlineData(4, CapSeverity.Severe, CapUrgency.Immediate, ColourBand.Purple)]
    [InlineData(3, CapSeverity.Moderate, CapUrgency.Expected, ColourBand.Red)]
    [InlineData(2, CapSeverity.Minor, CapUrgency.Expected, ColourBand.Yellow)]
    [InlineData(1, CapSeverity.Minor, CapUrgency.Future, ColourBand.White)]
    public void Expected_FollowsTheProposedMapping(int level, CapSeverity severity, CapUrgency urgency, ColourBand colour)
    {
        Assert.Equal((severity, urgency), EvacuationLevels.Expected(level));
        Assert.Equal(colour, EvacuationLevels.ColourOf(level));

        var classification = Classify(CapXml.Alert("x", Sent, Sent.AddHours(1), level: level));
        Assert.True(classification.IsConsistent);
        Assert.Equal(level, classification.Level);
        Assert.Equal(level >= 4, classification.Takeover);
    }

    [Fact]
    public void Classify_Level4WithMinorSeverity_IsInconsistentAndStaysLevel4()
    {
        var classification = Classify(CapXml.Alert("x", Sent, Sent.AddHours(1), level: 4, severity: "Minor", urgency: "Expected"));

        Assert.False(classification.IsConsistent);
        Assert.Equal(4, classification.Level);
        Assert.Contains("needs severity Severe and urgency Immediate", classification.Inconsistencies[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_JAlertCivilProtectionWithWrongCategory_IsInconsistent()
    {
        var classification = Classify(CapXml.Alert("x", Sent, Sent.AddHours(1), level: null, severity: "Extreme", urgency: "Immediate", category: "Met", jAlertType: JAlertTypes.BallisticMissile));

        Assert.True(classification.IsJAlert);
        Assert.True(classification.Takeover);
        Assert.Contains(classification.Inconsistencies, p => p.Contains("category Security", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_EarthquakeEarlyWarning_IsConsistentWithGeo()
    {
        var classification = Classify(CapXml.Alert("x", Sent, Sent.AddHours(1), level: null, severity: "Extreme", urgency: "Immediate", category: "Geo", jAlertType: JAlertTypes.EarthquakeEarlyWarning));

        Assert.True(classification.IsConsistent);
        Assert.Equal(5, classification.Level);
    }

    [Fact]
    public void Classify_ForeignAlertWithoutLevel_UsesSeverity()
    {
        var classification = EvacuationLevels.Classify(CapParser.Parse(Fixture.Oasis("thunderstorm.xml")));

        Assert.Null(classification.StatedLevel);
        Assert.Equal(4, classification.Level);
        Assert.True(classification.IsConsistent);
    }

    [Theory]
    [InlineData("Actual", false)]
    [InlineData("Exercise", true)]
    [InlineData("Test", true)]
    [InlineData("System", true)]
    [InlineData("Draft", true)]
    public void IsTest_EverythingButActual(string status, bool test)
    {
        Assert.Equal(test, CapParser.Parse(Encoding.UTF8.GetBytes(CapXml.Alert("x", Sent, Sent.AddHours(1), status: status))).IsTest);
    }

    private static AlertClassification Classify(string xml) => EvacuationLevels.Classify(CapParser.Parse(Encoding.UTF8.GetBytes(xml)));
}
