using System.Xml;
using System.Xml.Linq;

namespace Aizu.Wire;

/// <summary>
/// Parses and validates a CAP 1.2 alert from bytes. DTDs are refused outright and nothing external is
/// ever resolved (no XXE, no entity expansion); documents over <see cref="MaxDocumentBytes"/> are refused
/// before any parsing. Errors are <see cref="CapFormatException"/>s naming the element at fault.
/// </summary>
public static class CapParser
{
    /// <summary>The CAP 1.2 namespace.</summary>
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The largest document accepted (256 KiB: a multilingual alert with detailed polygons is a few KiB).</summary>
    public const int MaxDocumentBytes = 256 * 1024;

    /// <summary>Parses <paramref name="document"/> (UTF-8 or any encoding its XML declaration names).</summary>
    public static CapAlert Parse(ReadOnlySpan<byte> document)
    {
        if (document.Length > MaxDocumentBytes)
        {
            throw new CapFormatException($"The document is {document.Length} bytes; at most {MaxDocumentBytes} are accepted.");
        }

        if (document.IsEmpty)
        {
            throw new CapFormatException("The document is empty.");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = MaxDocumentBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };

        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(document.ToArray(), writable: false), settings);
            xml = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException exception)
        {
            throw new CapFormatException($"The document is not well-formed XML, or uses a DTD or entities, which are refused: {exception.Message}", exception);
        }

        return ParseAlert(xml.Root!);
    }

    private static CapAlert ParseAlert(XElement root)
    {
        if (root.Name.Namespace != Namespace || root.Name.LocalName != "alert")
        {
            throw new CapFormatException($"The root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'; expected <alert> in '{Namespace}'.");
        }

        var fields = new Fields(root, "alert",
            single: ["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "note", "references", "incidents"],
            repeated: ["code", "info"]);

        // Read in document order, so the first problem reported is the first one a reader of the XML meets.
        var identifier = Token(fields.Required("identifier"), "<alert><identifier>");
        var sender = Token(fields.Required("sender"), "<alert><sender>");
        var sent = CapTime.Parse(fields.Required("sent"), "<alert><sent>");
        var status = fields.Enum<CapStatus>("status");
        var messageType = fields.Enum<CapMessageType>("msgType");
        var scope = fields.Enum<CapScope>("scope");
        var references = fields.Optional("references") is { } referenceText ? ParseReferences(referenceText) : [];
        if (messageType is CapMessageType.Update or CapMessageType.Cancel && references.Count == 0)
        {
            throw new CapFormatException($"<alert><msgType> is {messageType} but <references> is missing: it must name the messages it {(messageType == CapMessageType.Update ? "updates" : "cancels")}.");
        }

        var restriction = fields.Optional("restriction");
        if (scope == CapScope.Restricted && restriction is null)
        {
            throw new CapFormatException("<alert><scope> is Restricted but <restriction> is missing.");
        }

        var addresses = fields.Optional("addresses") is { } addressText ? SplitQuoted(addressText) : [];
        if (scope == CapScope.Private && addresses.Count == 0)
        {
            throw new CapFormatException("<alert><scope> is Private but <addresses> is missing.");
        }

        return new CapAlert
        {
            Identifier = identifier,
            Sender = sender,
            Sent = sent,
            Status = status,
            MessageType = messageType,
            Scope = scope,
            Source = fields.Optional("source"),
            Restriction = restriction,
            Addresses = addresses,
            Codes = fields.Texts("code"),
            Note = fields.Optional("note"),
            References = references,
            Incidents = fields.Optional("incidents") is { } incidents ? SplitQuoted(incidents) : [],
            Infos = fields.Elements("info").Select((info, index) => ParseInfo(info, index + 1, sent)).ToList(),
        };
    }

    private static CapInfo ParseInfo(XElement element, int number, DateTimeOffset sent)
    {
        var where = $"<info> #{number}";
        var fields = new Fields(element, where,
            single: ["language", "event", "urgency", "severity", "certainty", "audience", "effective", "onset", "expires", "senderName", "headline", "description", "instruction", "web", "contact"],
            repeated: ["category", "responseType", "eventCode", "parameter", "resource", "area"]);

        var language = fields.Optional("language") ?? "en-US";
        if (language.Length > 35 || !language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || language.StartsWith('-'))
        {
            throw new CapFormatException($"{where} <language> '{language}' is not a language tag such as ja-JP or en-US.");
        }

        var categories = fields.Texts("category").Select(c => EnumValue<CapCategory>(c, $"{where} <category>")).ToList();
        if (categories.Count == 0)
        {
            throw new CapFormatException($"{where} has no <category>; CAP requires at least one.");
        }

        DateTimeOffset? Time(string name) => fields.Optional(name) is { } text ? CapTime.Parse(text, $"{where} <{name}>") : null;
        var expires = Time("expires");
        if (expires is { } end && end <= sent)
        {
            throw new CapFormatException($"{where} <expires> {CapTime.Format(end)} is not after <sent> {CapTime.Format(sent)}.");
        }

        var parameters = fields.Elements("parameter").Select(p => NamedValue(p, $"{where} <parameter>")).ToList();
        CheckJapaneseParameters(parameters, where);

        return new CapInfo
        {
            Language = language,
            Categories = categories,
            Event = fields.Required("event"),
            ResponseTypes = fields.Texts("responseType"),
            Urgency = fields.Enum<CapUrgency>("urgency"),
            Severity = fields.Enum<CapSeverity>("severity"),
            Certainty = fields.Enum<CapCertainty>("certainty"),
            Audience = fields.Optional("audience"),
            EventCodes = fields.Elements("eventCode").Select(e => NamedValue(e, $"{where} <eventCode>")).ToList(),
            Effective = Time("effective"),
            Onset = Time("onset"),
            Expires = expires,
            SenderName = fields.Optional("senderName"),
            Headline = fields.Optional("headline"),
            Description = fields.Optional("description"),
            Instruction = fields.Optional("instruction"),
            Web = fields.Optional("web") is { } web ? WebLink(web, where) : null,
            Contact = fields.Optional("contact"),
            Parameters = parameters,

            // <resource> (images, audio) is accepted but not kept: the panel works offline and never fetches
            // anything an alert points at.
            Areas = fields.Elements("area").Select((a, i) => ParseArea(a, $"{where} <area> #{i + 1}")).ToList(),
        };
    }

    private static CapArea ParseArea(XElement element, string where)
    {
        var fields = new Fields(element, where, single: ["areaDesc", "altitude", "ceiling"], repeated: ["polygon", "circle", "geocode"]);
        double? Number(string name)
        {
            if (fields.Optional(name) is not { } text)
            {
                return null;
            }

            return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new CapFormatException($"{where} <{name}> '{text}' is not a number.");
        }

        var altitude = Number("altitude");
        var ceiling = Number("ceiling");
        if (ceiling is not null && altitude is null)
        {
            throw new CapFormatException($"{where} has <ceiling> without <altitude>.");
        }

        try
        {
            return new CapArea(
                fields.Required("areaDesc"),
                fields.Texts("polygon").Select(CapPolygon.Parse).ToList(),
                fields.Texts("circle").Select(CapCircle.Parse).ToList(),
                fields.Elements("geocode").Select(g => NamedValue(g, $"{where} <geocode>")).ToList(),
                altitude,
                ceiling);
        }
        catch (CapFormatException exception)
        {
            throw new CapFormatException($"{where}: {exception.Message}", exception);
        }
    }

    private static void CheckJapaneseParameters(List<CapNamedValue> parameters, string where)
    {
        var levels = parameters.Where(p => p.Name == CapParameterNames.EvacuationLevel).ToList();
        if (levels.Count > 1)
        {
            throw new CapFormatException($"{where} has {levels.Count} <parameter>s named {CapParameterNames.EvacuationLevel}; at most one is allowed.");
        }

        if (levels.Count == 1 && levels[0].Value is not ("1" or "2" or "3" or "4" or "5"))
        {
            throw new CapFormatException($"{where} <parameter> {CapParameterNames.EvacuationLevel} is '{levels[0].Value}'; it must be a whole number from 1 to 5 (警戒レベル).");
        }

        var jAlert = parameters.Where(p => p.Name == CapParameterNames.JAlertType).ToList();
        if (jAlert.Count > 1)
        {
            throw new CapFormatException($"{where} has {jAlert.Count} <parameter>s named {CapParameterNames.JAlertType}; at most one is allowed.");
        }
    }

    private static CapNamedValue NamedValue(XElement element, string where)
    {
        var fields = new Fields(element, where, single: ["valueName", "value"], repeated: []);
        return new CapNamedValue(fields.Required("valueName"), fields.Required("value"));
    }

    private static Uri WebLink(string text, string where) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new CapFormatException($"{where} <web> '{text}' is not an absolute http or https address.");

    private static List<CapReference> ParseReferences(string text)
    {
        var references = new List<CapReference>();
        foreach (var triple in text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = triple.Split(',');
            if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            {
                throw new CapFormatException($"<alert><references> entry '{triple}' is not a 'sender,identifier,sent' triple.");
            }

            references.Add(new CapReference(parts[0], parts[1], CapTime.Parse(parts[2], "<alert><references> sent")));
        }

        return references;
    }

    private static string Token(string text, string where) =>
        text.Any(c => char.IsWhiteSpace(c) || c is ',' or '<' or '&')
            ? throw new CapFormatException($"{where} '{text}' must not contain spaces, commas, '<' or '&' (CAP 1.2 §3.2.1).")
            : text;

    private static List<string> SplitQuoted(string text)
    {
        // CAP's space-delimited lists quote entries that contain spaces ("a b" c).
        var items = new List<string>();
        var inQuotes = false;
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (current.Length > 0)
                {
                    items.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            items.Add(current.ToString());
        }

        return items;
    }

    private static T EnumValue<T>(string text, string where)
        where T : struct, Enum =>
        Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<T>(text)
            : throw new CapFormatException($"{where} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())} (names are case-sensitive).");

    /// <summary>The CAP children of one element, checked for unknown names, repeats and text-only content.</summary>
    private sealed class Fields
    {
        private readonly string where;
        private readonly Dictionary<string, List<XElement>> children = new(StringComparer.Ordinal);

        public Fields(XElement element, string where, string[] single, string[] repeated)
        {
            this.where = where;
            foreach (var child in element.Elements())
            {
                // Other namespaces (an enveloped XML signature, a profile's extension) are allowed and ignored.
                if (child.Name.Namespace != Namespace)
                {
                    continue;
                }

                var name = child.Name.LocalName;
                if (!single.Contains(name, StringComparer.Ordinal) && !repeated.Contains(name, StringComparer.Ordinal))
                {
                    throw new CapFormatException($"<{where}> has an unknown CAP element <{name}>.");
                }

                if (!children.TryGetValue(name, out var list))
                {
                    children[name] = list = [];
                }
                else if (single.Contains(name, StringComparer.Ordinal))
                {
                    throw new CapFormatException($"<{where}> has <{name}> more than once.");
                }

                list.Add(child);
            }

            if (element.Attributes().Any(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None))
            {
                throw new CapFormatException($"<{where}> has attributes; CAP elements have none.");
            }
        }

        public List<XElement> Elements(string name) => children.TryGetValue(name, out var list) ? list : [];

        public string Required(string name) =>
            Optional(name) ?? throw new CapFormatException($"<{where}> is missing <{name}>, which CAP requires.");

        public string? Optional(string name)
        {
            var list = Elements(name);
            return list.Count == 0 ? null : TextOrNull(list[0], name);
        }

        public List<string> Texts(string name) => Elements(name).Select(e => Text(e, name)).Where(t => t.Length > 0).ToList();

        public T Enum<T>(string name)
            where T : struct, Enum => EnumValue<T>(Required(name), $"<{where}><{name}>");

        private string? TextOrNull(XElement element, string name) => Text(element, name) is { Length: > 0 } text ? text : null;

        private string Text(XElement element, string name) =>
            element.HasElements
                ? throw new CapFormatException($"<{where}><{name}> must hold text, not elements.")
                : element.Value.Trim();
    }
}
