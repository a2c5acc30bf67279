namespace Aizu.Alerts.Tests;

public sealed class CapParserTests
{
    // Source of the four fixtures: OASIS CAP 1.2 (2010), Appendix A,
    // http://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2-os.html (see Corpus/cap/README.md).
    [Fact]
    public void Parse_OasisHomelandSecurity_ReadsAlertAndInfo()
    {
        var alert = CapParser.Parse(Fixture.Oasis("homeland-security.xml"));

        Assert.Equal("43b080713727", alert.Identifier);
        Assert.Equal("hsas@dhs.gov", alert.Sender);
        Assert.Equal(new DateTimeOffset(2003, 4, 2, 14, 39, 1, TimeSpan.FromHours(-5)), alert.Sent);
        Assert.Equal(CapStatus.Actual, alert.Status);
        Assert.Equal(CapMessageType.Alert, alert.MessageType);
        Assert.Equal(CapScope.Public, alert.Scope);
        var info = Assert.Single(alert.Infos);
        Assert.Equal("en-US", info.Language);
        Assert.Equal([CapCategory.Security], info.Categories);
        Assert.Equal(CapSeverity.Severe, info.Severity);
        Assert.Equal("ORANGE", info.Parameter("HSAS"));
        Assert.StartsWith("A High Condition", info.Instruction, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://www.dhs.gov/dhspublic/display?theme=29"), info.Web);
        Assert.Equal("U.S. nationwide and interests worldwide", Assert.Single(info.Areas).Description);
        Assert.Null(alert.Expires);
    }

    [Fact]
    public void Parse_OasisThunderstorm_ReadsPolygonGeocodesAndExpiry()
    {
        var alert = CapParser.Parse(Fixture.Oasis("thunderstorm.xml"));

        var info = Assert.Single(alert.Infos);
        Assert.Equal(["Shelter"], info.ResponseTypes);
        Assert.Equal(new CapNamedValue("SAME", "SVR"), Assert.Single(info.EventCodes));
        Assert.Equal(new DateTimeOffset(2003, 6, 17, 16, 0, 0, TimeSpan.FromHours(-7)), alert.Expires);
        var area = Assert.Single(info.Areas);
        var polygon = Assert.Single(area.Polygons);
        Assert.Equal(5, polygon.Points.Count);
        Assert.Equal(new GeoPoint(38.47, -120.14), polygon.Points[0]);
        Assert.Equal(["006109", "006009", "006003"], area.Geocodes.Select(g => g.Value));
        Assert.Equal("BARUFFALDI/JUSKIE", info.Contact);
    }

    [Fact]
    public void Parse_OasisEarthquakeUpdate_ReadsReferencesAndCircle()
    {
        var alert = CapParser.Parse(Fixture.Oasis("earthquake-update.xml"));

        Assert.Equal(CapMessageType.Update, alert.MessageType);
        var reference = Assert.Single(alert.References);
        Assert.Equal(new CapReference("trinet@caltech.edu", "TRI13970876.1", new DateTimeOffset(2003, 6, 11, 20, 30, 0, TimeSpan.FromHours(-7))), reference);
        var circle = Assert.Single(Assert.Single(Assert.Single(alert.Infos).Areas).Circles);
        Assert.Equal(new CapCircle(new GeoPoint(32.9525, -115.5527), 0), circle);
        Assert.Equal(5, alert.Infos[0].Parameters.Count);
    }

    [Fact]
    public void Parse_OasisAmberAlert_ReadsBothLanguages()
    {
        var alert = CapParser.Parse(Fixture.Oasis("amber-multilingual.xml"));

        Assert.Equal("SW", alert.Source);
        Assert.Equal(["en-US", "es-US"], alert.Infos.Select(i => i.Language));
        Assert.Equal("Abducción de Niño", alert.Infos[1].Event);
        Assert.Equal("006037", alert.Infos[1].Areas[0].Geocodes[0].Value);
    }

    // The city's own examples, and its relays of Japanese feeds (L-Alert evacuation information and its 解除, a JMA
    // warning as CAP 1.1 in an EDXL-DE envelope): valid, and classified at the level the text says.
    [Theory]
    [InlineData("level4-evacuation-order.xml", CapVersion.Cap12, CapMessageType.Alert, CapStatus.Actual, 0, "ja-JP en-US", 4)]
    [InlineData("level4-evacuation-order-update.xml", CapVersion.Cap12, CapMessageType.Update, CapStatus.Actual, 1, "ja-JP en-US", 4)]
    [InlineData("level4-evacuation-order-cancel.xml", CapVersion.Cap12, CapMessageType.Cancel, CapStatus.Actual, 2, "ja-JP en-US", 2)]
    [InlineData("drill-exercise.xml", CapVersion.Cap12, CapMessageType.Alert, CapStatus.Exercise, 0, "ja-JP en-US", 4)]
    [InlineData("l-alert-evacuation-relay.xml", CapVersion.Cap12, CapMessageType.Alert, CapStatus.Actual, 0, "ja-JP", 4)]
    [InlineData("l-alert-evacuation-relay-cancel.xml", CapVersion.Cap12, CapMessageType.Cancel, CapStatus.Actual, 1, "ja-JP", 2)]
    [InlineData("jma-heavy-rain-relay-cap11.xml", CapVersion.Cap11, CapMessageType.Alert, CapStatus.Actual, 0, "ja-JP", 3)]
    public void Parse_RepositoryExamples_AreValidAndConsistent(string file, CapVersion version, CapMessageType type, CapStatus status, int references, string languages, int level)
    {
        var alert = CapParser.Parse(Fixture.Example(file));

        Assert.Equal(version, alert.Version);
        Assert.Equal(type, alert.MessageType);
        Assert.Equal(status, alert.Status);
        Assert.Equal(references, alert.References.Count);
        Assert.Equal(languages.Split(' '), alert.Infos.Select(i => i.Language));
        var classification = EvacuationLevels.Classify(alert);
        Assert.Equal(level, classification.Level);
        Assert.True(classification.IsConsistent, string.Join(" ", classification.Inconsistencies));
    }

    [Fact]
    public void Parse_JmaRelay_KeepsTheEmptyEventCodeValue()
    {
        var info = CapParser.Parse(Fixture.Example("jma-heavy-rain-relay-cap11.xml")).Infos[0];

        Assert.Equal([new CapNamedValue("JMA-WarningCode", "03"), new CapNamedValue("JMA-Revision", "")], info.EventCodes);
    }

    [Fact]
    public void Parse_ExternalEntity_IsRejectedWithoutResolvingIt()
    {
        // If the parser resolved the entity it would connect to this listener (or read the file).
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE alert [
                  <!ENTITY web SYSTEM "http://127.0.0.1:{port}/leak">
                  <!ENTITY file SYSTEM "file://{secret}">
                ]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&file;&web;</identifier></alert>
                """;

            var error = Assert.Throws<CapFormatException>(() => CapParser.Parse(Encoding.UTF8.GetBytes(xml)));

            Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET-CONTENT", error.Message, StringComparison.Ordinal);
            Assert.False(listener.Pending());
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Parse_BillionLaughs_IsRejectedAtOnce()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">\n");
        }

        xml.Append("]>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&lol9;</identifier></alert>");

        var error = Assert.Throws<CapFormatException>(() => CapParser.Parse(Encoding.UTF8.GetBytes(xml.ToString())));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverSizeLimit_IsRejectedBeforeParsing()
    {
        var huge = new byte[CapParser.MaxDocumentBytes + 1];

        var error = Assert.Throws<CapFormatException>(() => CapParser.Parse(huge));

        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<identifier>x</identifier>", "", "missing <identifier>")]
    [InlineData("<status>Actual</status>", "<status>actual</status>", "'actual' is not one of")]
    [InlineData("<status>Actual</status>", "<status>1</status>", "'1' is not one of")]
    [InlineData("<sent>2026-07-10T05:30:00+09:00</sent>", "<sent>2026-07-10T05:30:00Z</sent>", "no 'Z'")]
    [InlineData("<identifier>x</identifier>", "<identifier>a b</identifier>", "must not contain spaces")]
    [InlineData("<scope>Public</scope>", "<scope>Public</scope><scope>Public</scope>", "<scope> more than once")]
    [InlineData("<value>4</value>", "<value>6</value>", "whole number from 1 to 5")]
    [InlineData("<status>Actual</status>", "", "<alert> is missing <status>, which CAP requires")]
    [InlineData("<msgType>Alert</msgType>", "<msgType></msgType>", "<alert><msgType> is empty")]
    [InlineData("<valueName>JP-EvacLevel</valueName><value>4</value>", "<valueName>JP-EvacLevel</valueName>", "<info #1><parameter #1> is missing <value>, which CAP requires")]
    [InlineData("<valueName>JP-EvacLevel</valueName>", "", "<info #1><parameter #1> is missing <valueName>")]
    [InlineData("<event>e</event>", "<event>e</event><event>f</event>", "<info #1> has <event> more than once")]
    [InlineData("<category>Met</category>", "", "no <category>")]
    [InlineData("37.455,139.835 37.525,139.835 37.530,139.870 37.455,139.835</polygon>", "37.455,139.835 37.525,139.835</polygon>", "<info #1><area #1>: <polygon> has 2 distinct corners")]
    [InlineData("<areaDesc>d</areaDesc>", "<areaDesc>d</areaDesc><circle>37.4,139.9</circle>", "<circle>")]
    [InlineData("<expires>2026-07-10T12:00:00+09:00</expires>", "<expires>2026-07-10 12:00</expires>", "<info #1><expires> '2026-07-10 12:00' is not a CAP date-time")]
    public void Parse_InvalidField_ThrowsNamingIt(string find, string replace, string expected)
    {
        var xml = Minimal().Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Minimal(), xml);

        var error = Assert.Throws<CapFormatException>(() => CapParser.Parse(Encoding.UTF8.GetBytes(xml)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Minimal_Succeeds()
    {
        var alert = CapParser.Parse(Encoding.UTF8.GetBytes(Minimal()));

        Assert.Equal("4", alert.Infos[0].Parameter(CapParameterNames.EvacuationLevel));
    }

    [Fact]
    public void Parse_WrongNamespace_IsRejectedNamingBothAccepted()
    {
        var xml = Minimal().Replace("urn:oasis:names:tc:emergency:cap:1.2", "http://www.incident.com/cap/1.0", StringComparison.Ordinal);

        var error = Assert.Throws<CapFormatException>(() => CapParser.Parse(Encoding.UTF8.GetBytes(xml)));

        Assert.Contains("'http://www.incident.com/cap/1.0'", error.Message, StringComparison.Ordinal);
        Assert.Contains(CapParser.Namespace, error.Message, StringComparison.Ordinal);
        Assert.Contains(CapParser.Namespace11, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Cap11_IsReadLikeCap12()
    {
        var alert = CapParser.Parse(Encoding.UTF8.GetBytes(Minimal().Replace("emergency:cap:1.2", "emergency:cap:1.1", StringComparison.Ordinal)));

        Assert.Equal(CapVersion.Cap11, alert.Version);
        Assert.Equal("x", alert.Identifier);
        Assert.Equal(CapSeverity.Severe, alert.Infos[0].Severity);
        Assert.Equal("4", alert.Infos[0].Parameter(CapParameterNames.EvacuationLevel));
    }

    [Fact]
    public void Parse_EmptyParameterValue_IsAnEmptyString()
    {
        var xml = Minimal().Replace("<instruction>i</instruction>", "<instruction>i</instruction><parameter><valueName>WMOHEADER</valueName><value/></parameter><parameter><valueName>UGC</valueName><value>  </value></parameter>", StringComparison.Ordinal);

        var info = CapParser.Parse(Encoding.UTF8.GetBytes(xml)).Infos[0];

        Assert.Equal("", info.Parameter("WMOHEADER"));
        Assert.Equal("", info.Parameter("UGC"));
    }

    [Theory]
    [InlineData(CapMessageType.Cancel)]
    [InlineData(CapMessageType.Update)]
    public void Parse_ExpiresEqualToSent_IsAccepted(CapMessageType type)
    {
        var xml = Minimal()
            .Replace("<msgType>Alert</msgType>", $"<msgType>{type}</msgType><references>s@example,w,2026-07-10T05:00:00+09:00</references>", StringComparison.Ordinal)
            .Replace("<expires>2026-07-10T12:00:00+09:00</expires>", "<expires>2026-07-10T05:30:00+09:00</expires>", StringComparison.Ordinal);

        var alert = CapParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(type, alert.MessageType);
        Assert.Equal(alert.Sent, alert.Expires);
    }

    [Theory]
    [InlineData("<severity>Severe</severity>", "", nameof(CapInfo.Severity))]
    [InlineData("<severity>Severe</severity>", "<severity></severity>", nameof(CapInfo.Severity))]
    [InlineData("<urgency>Immediate</urgency>", "<urgency> </urgency>", nameof(CapInfo.Urgency))]
    [InlineData("<certainty>Likely</certainty>", "", nameof(CapInfo.Certainty))]
    public void Parse_BlankOrMissingSeverityUrgencyCertainty_IsUnknown(string find, string replace, string property)
    {
        var xml = Minimal().Replace(find, replace, StringComparison.Ordinal).Replace("<parameter><valueName>JP-EvacLevel</valueName><value>4</value></parameter>", "", StringComparison.Ordinal);

        var info = CapParser.Parse(Encoding.UTF8.GetBytes(xml)).Infos[0];

        var value = typeof(CapInfo).GetProperty(property)!.GetValue(info)!;
        Assert.Equal("Unknown", value.ToString());
    }

    [Fact]
    public void Parse_UpdateWithoutReferences_IsKeptWithNoReferences()
    {
        var xml = Minimal().Replace("<msgType>Alert</msgType>", "<msgType>Update</msgType><references/>", StringComparison.Ordinal);

        var alert = CapParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(CapMessageType.Update, alert.MessageType);
        Assert.Empty(alert.References);
    }

    [Fact]
    public void Parse_Cap10CertaintyVeryLikely_IsLikely()
    {
        var xml = Minimal().Replace("<certainty>Likely</certainty>", "<certainty>Very Likely</certainty>", StringComparison.Ordinal);

        Assert.Equal(CapCertainty.Likely, CapParser.Parse(Encoding.UTF8.GetBytes(xml)).Infos[0].Certainty);
    }

    [Fact]
    public void Parse_FullWidthEvacuationLevel_IsReadAsTheDigit()
    {
        var xml = Minimal().Replace("<value>4</value>", "<value>４</value>", StringComparison.Ordinal);

        Assert.Equal("4", CapParser.Parse(Encoding.UTF8.GetBytes(xml)).Infos[0].Parameter(CapParameterNames.EvacuationLevel));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.example.jp/bousai")]
    public void Parse_WebLinkThatIsNotHttp_IsDroppedAndTheAlertKept(string link)
    {
        var xml = Minimal().Replace("<instruction>i</instruction>", $"<instruction>i</instruction><web>{link}</web>", StringComparison.Ordinal);

        var info = CapParser.Parse(Encoding.UTF8.GetBytes(xml)).Infos[0];

        Assert.Null(info.Web);
        Assert.Equal("i", info.Instruction);
    }

    [Fact]
    public void Parse_ElementsCapDoesNotDefine_AreIgnored()
    {
        var xml = Minimal().Replace("<areaDesc>d</areaDesc>", "<areaDesc>d</areaDesc><Type>County</Type>", StringComparison.Ordinal)
            .Replace("<scope>Public</scope>", "<scope>Public</scope><colour>red</colour>", StringComparison.Ordinal);

        var alert = CapParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.Equal("d", alert.Infos[0].Areas[0].Description);
    }

    [Fact]
    public void Parse_PolygonLeftOpenOrWithTrailingCommas_IsClosedAndRead()
    {
        var xml = Minimal().Replace("37.455,139.835 37.525,139.835 37.530,139.870 37.455,139.835</polygon>", "37.455,139.835, 37.525,139.835, 37.530,139.870</polygon>", StringComparison.Ordinal);

        var polygon = CapParser.Parse(Encoding.UTF8.GetBytes(xml)).Infos[0].Areas[0].Polygons[0];

        Assert.Equal(4, polygon.Points.Count);
        Assert.Equal(polygon.Points[0], polygon.Points[^1]);
    }

    [Fact]
    public void Parse_AlertInAnEdxlEnvelope_IsUnwrapped()
    {
        var xml = $"""
            <edxlde:EDXLDistribution xmlns:edxlde="{CapParser.EdxlNamespace}">
              <edxlde:distributionID>d</edxlde:distributionID>
              <edxlde:contentObject><edxlde:xmlContent><edxlde:embeddedXMLContent>{Minimal()}</edxlde:embeddedXMLContent></edxlde:xmlContent></edxlde:contentObject>
            </edxlde:EDXLDistribution>
            """;

        Assert.Equal("x", CapParser.Parse(Encoding.UTF8.GetBytes(xml)).Identifier);

        var two = xml.Replace("</edxlde:EDXLDistribution>", $"<edxlde:contentObject><edxlde:xmlContent><edxlde:embeddedXMLContent>{Minimal()}</edxlde:embeddedXMLContent></edxlde:xmlContent></edxlde:contentObject></edxlde:EDXLDistribution>", StringComparison.Ordinal);
        var error = Assert.Throws<CapFormatException>(() => CapParser.Parse(Encoding.UTF8.GetBytes(two)));
        Assert.Contains("holds 2 CAP alerts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ElementsOfOtherNamespaces_AreIgnored()
    {
        var xml = Minimal().Replace("</alert>", "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/></ds:Signature></alert>", StringComparison.Ordinal);

        var alert = CapParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.Equal("x", alert.Identifier);
    }

    [Fact]
    public void Parse_NotXml_IsRejectedClearly()
    {
        var error = Assert.Throws<CapFormatException>(() => CapParser.Parse("{\"alert\":1}"u8));

        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    private static string Minimal() => """
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>x</identifier>
          <sender>s@example</sender>
          <sent>2026-07-10T05:30:00+09:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          <info>
            <category>Met</category>
            <event>e</event>
            <urgency>Immediate</urgency>
            <severity>Severe</severity>
            <certainty>Likely</certainty>
            <expires>2026-07-10T12:00:00+09:00</expires>
            <instruction>i</instruction>
            <parameter><valueName>JP-EvacLevel</valueName><value>4</value></parameter>
            <area><areaDesc>d</areaDesc><polygon>37.455,139.835 37.525,139.835 37.530,139.870 37.455,139.835</polygon></area>
          </info>
        </alert>
        """;
}
