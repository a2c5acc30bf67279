namespace Aizu.Gateway.Tests.CityLink;

/// <summary>CAP 1.2 alerts as the city writes them for the end-to-end tests (Japanese and English info blocks).</summary>
internal static class CapAlertXml
{
    public const string Sender = "bousai@aizuwakamatsu.example";

    public static string Reference(string identifier, DateTimeOffset sent) => $"{Sender},{identifier},{CapTime.Format(sent)}";

    public static string Create(
        string identifier, DateTimeOffset sent, DateTimeOffset expires, string district, int level = 4,
        string msgType = "Alert", string? references = null, string status = "Actual")
    {
        var (severity, urgency) = EvacuationLevels.Expected(level);
        var referencesXml = references is null ? "" : $"\n  <references>{references}</references>";
        string Info(string language, string @event, string instruction, string area) => string.Create(CultureInfo.InvariantCulture, $"""

              <info>
                <language>{language}</language>
                <category>Met</category>
                <event>{@event}</event>
                <urgency>{urgency}</urgency>
                <severity>{severity}</severity>
                <certainty>Likely</certainty>
                <expires>{CapTime.Format(expires)}</expires>
                <senderName>{(language.StartsWith("ja", StringComparison.Ordinal) ? "会津若松市" : "Aizuwakamatsu City")}</senderName>
                <headline>{@event} {identifier}</headline>
                <instruction>{instruction}</instruction>
                <parameter><valueName>JP-EvacLevel</valueName><value>{level}</value></parameter>
                <area>
                  <areaDesc>{area}</areaDesc>
                  <geocode><valueName>JP-District</valueName><value>{district}</value></geocode>
                </area>
              </info>
            """);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>{identifier}</identifier>
              <sender>{Sender}</sender>
              <sent>{CapTime.Format(sent)}</sent>
              <status>{status}</status>
              <msgType>{msgType}</msgType>
              <scope>Public</scope>{referencesXml}{Info("ja-JP", "避難指示", "直ちに避難してください。", "会津若松市 " + district)}{Info("en-US", "Evacuation order", "Evacuate now.", "Aizuwakamatsu " + district)}
            </alert>
            """);
    }
}
