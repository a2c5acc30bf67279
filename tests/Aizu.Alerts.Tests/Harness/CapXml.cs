namespace Aizu.Alerts.Tests;

/// <summary>Builds CAP 1.2 XML for tests, one Japanese and one English info block by default.</summary>
internal static class CapXml
{
    public const string Sender = "bousai@aizuwakamatsu.example";

    /// <summary>The Kitaaizu polygon of the example alerts.</summary>
    public const string KitaaizuPolygon = "37.455,139.835 37.525,139.835 37.530,139.870 37.515,139.895 37.470,139.895 37.455,139.870 37.455,139.835";

    public static string Alert(
        string identifier,
        DateTimeOffset sent,
        DateTimeOffset? expires,
        string msgType = "Alert",
        string status = "Actual",
        string? references = null,
        int? level = 4,
        string? severity = null,
        string? urgency = null,
        string category = "Met",
        string? jAlertType = null,
        string? polygon = KitaaizuPolygon,
        string? circle = null,
        string? geocode = "JP-District=07202-kitaaizu",
        string areaDesc = "会津若松市 北会津地区",
        string[]? languages = null)
    {
        var (defaultSeverity, defaultUrgency) = level is { } l ? EvacuationLevels.Expected(l) : (CapSeverity.Moderate, CapUrgency.Expected);
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>{identifier}</identifier>
              <sender>{Sender}</sender>
              <sent>{CapTime.Format(sent)}</sent>
              <status>{status}</status>
              <msgType>{msgType}</msgType>
              <scope>Public</scope>
            """);
        if (references is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"\n  <references>{references}</references>");
        }

        foreach (var language in languages ?? ["ja-JP", "en-US"])
        {
            var japanese = language.StartsWith("ja", StringComparison.Ordinal);
            xml.Append(CultureInfo.InvariantCulture, $"""

                  <info>
                    <language>{language}</language>
                    <category>{category}</category>
                    <event>{(japanese ? "避難指示" : "Evacuation order")}</event>
                    <urgency>{urgency ?? defaultUrgency.ToString()}</urgency>
                    <severity>{severity ?? defaultSeverity.ToString()}</severity>
                    <certainty>Likely</certainty>
                """);
            if (expires is { } end)
            {
                xml.Append(CultureInfo.InvariantCulture, $"\n    <expires>{CapTime.Format(end)}</expires>");
            }

            xml.Append(CultureInfo.InvariantCulture, $"""

                    <senderName>{(japanese ? "会津若松市" : "Aizuwakamatsu City")}</senderName>
                    <headline>{(japanese ? "避難指示 " : "Evacuation order ")}{identifier}</headline>
                    <instruction>{(japanese ? "避難してください。" : "Evacuate now.")}</instruction>
                """);
            if (level is { } stated)
            {
                xml.Append(CultureInfo.InvariantCulture, $"\n    <parameter><valueName>JP-EvacLevel</valueName><value>{stated}</value></parameter>");
            }

            if (jAlertType is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"\n    <parameter><valueName>JP-JAlertType</valueName><value>{jAlertType}</value></parameter>");
            }

            xml.Append(CultureInfo.InvariantCulture, $"\n    <area>\n      <areaDesc>{areaDesc}</areaDesc>");
            if (polygon is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"\n      <polygon>{polygon}</polygon>");
            }

            if (circle is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"\n      <circle>{circle}</circle>");
            }

            if (geocode is not null)
            {
                var parts = geocode.Split('=');
                xml.Append(CultureInfo.InvariantCulture, $"\n      <geocode><valueName>{parts[0]}</valueName><value>{parts[1]}</value></geocode>");
            }

            xml.Append("\n    </area>\n  </info>");
        }

        xml.Append("\n</alert>\n");
        return xml.ToString();
    }

    /// <summary>A <c>references</c> triple for an alert this builder made.</summary>
    public static string Reference(string identifier, DateTimeOffset sent) => $"{Sender},{identifier},{CapTime.Format(sent)}";
}
