namespace Aizu.Wire;

/// <summary>
/// Parses and validates a CAP 1.2 or CAP 1.1 alert from bytes. DTDs are refused outright and nothing external
/// is ever resolved (no XXE, no entity expansion); documents over <see cref="MaxDocumentBytes"/> are refused
/// before any parsing. Errors are <see cref="CapFormatException"/>s naming the element at fault.
/// </summary>
/// <remarks>
/// What the standard allows is accepted, and a few harmless departures real senders make are read the way
/// they meant them. Only what would make an alert unsafe to show is refused: no identity to update or cancel
/// it by, a status or message type that cannot be read (a test shown as real, a Cancel not recognised), a
/// scope other than Public without its restriction or addresses, or an area that cannot be placed.
/// </remarks>
public static class CapParser
{
    /// <summary>The CAP 1.2 namespace.</summary>
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The CAP 1.1 namespace, whose element set and values this gateway reads the same way.</summary>
    public const string Namespace11 = "urn:oasis:names:tc:emergency:cap:1.1";

    /// <summary>
    /// The largest document accepted (1 MiB: a city's alert is a few KiB, but a real DWD warning listing every
    /// municipality's polygon reaches 400 KB).
    /// </summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>The OASIS EDXL-DE 1.0 namespace: some senders (Australian feeds, L-Alert) wrap CAP in this envelope.</summary>
    public const string EdxlNamespace = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";

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

        return ParseAlert(Unwrap(xml.Root!));
    }

    private static XElement Unwrap(XElement root)
    {
        if (root.Name.Namespace != EdxlNamespace)
        {
            return root;
        }

        var alerts = root.Descendants().Where(e => e.Name.LocalName == "alert" && e.Name.NamespaceName is Namespace or Namespace11).ToList();
        return alerts.Count == 1
            ? alerts[0]
            : throw new CapFormatException($"The EDXL-DE envelope holds {alerts.Count} CAP alerts; exactly one is read per message.");
    }

    private static CapAlert ParseAlert(XElement root)
    {
        CapVersion? version = root.Name.NamespaceName switch
        {
            Namespace => CapVersion.Cap12,
            Namespace11 => CapVersion.Cap11,
            _ => null,
        };
        if (version is null || root.Name.LocalName != "alert")
        {
            throw new CapFormatException($"The root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'; expected <alert> in '{Namespace}' (CAP 1.2) or '{Namespace11}' (CAP 1.1).");
        }

        var fields = new Fields(root, "<alert>",
            single: ["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "note", "references", "incidents"],
            repeated: ["code", "info"]);

        // Read in document order, so the first problem reported is the first one a reader of the XML meets.
        var identifier = Token(fields.Required("identifier"), "<alert><identifier>");
        var sender = Token(fields.Required("sender"), "<alert><sender>");
        var sent = CapTime.Parse(fields.Required("sent"), "<alert><sent>");
        var status = fields.Enum<CapStatus>("status");
        var messageType = fields.Enum<CapMessageType>("msgType");
        var scope = fields.Enum<CapScope>("scope");

        // An Update or Cancel without <references> breaks CAP's rule but is kept: shown, an Update is a new alert
        // and a Cancel clears nothing, where refusing either could lose what it says. The city's own publisher
        // refuses to sign one.
        var references = fields.Optional("references") is { } referenceText ? ParseReferences(referenceText) : [];

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
            Version = version.Value,
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
            Infos = fields.Elements("info").Select((info, index) => ParseInfo(info, $"<info #{index + 1}>")).ToList(),
        };
    }

    private static CapInfo ParseInfo(XElement element, string where)
    {
        var fields = new Fields(element, where,
            single: ["language", "event", "urgency", "severity", "certainty", "audience", "effective", "onset", "expires", "senderName", "headline", "description", "instruction", "web", "contact"],
            repeated: ["category", "responseType", "eventCode", "parameter", "resource", "area"]);

        var language = fields.Optional("language") ?? "en-US";
        if (language.Length > 35 || !language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || language.StartsWith('-'))
        {
            throw new CapFormatException($"{where}<language> '{language}' is not a language tag such as ja-JP or en-US.");
        }

        var categories = fields.Texts("category").Select(c => EnumValue<CapCategory>(c, $"{where}<category>")).ToList();
        if (categories.Count == 0)
        {
            throw new CapFormatException($"{where} has no <category>; CAP requires at least one.");
        }

        // No check of <expires> against <sent>: a Cancel or Update is often sent with expires equal to sent (it
        // ends something at once), and an Alert that expired before it arrived is turned away as expired by the
        // inbox, which names the actual problem.
        DateTimeOffset? Time(string name) => fields.Optional(name) is { } text ? CapTime.Parse(text, $"{where}<{name}>") : null;
        var parameters = NamedValues(fields, "parameter", where);
        CheckJapaneseParameters(parameters, where);

        return new CapInfo
        {
            Language = language,
            Categories = categories,
            Event = fields.Required("event"),
            ResponseTypes = fields.Texts("responseType"),

            // CAP defines Unknown for all three; a sender that left one blank said no more than that, and an alert
            // shown at an unknown level is safer than one not shown at all.
            Urgency = fields.EnumOrUnknown("urgency", CapUrgency.Unknown),
            Severity = fields.EnumOrUnknown("severity", CapSeverity.Unknown),
            Certainty = fields.EnumOrUnknown("certainty", CapCertainty.Unknown),
            Audience = fields.Optional("audience"),
            EventCodes = NamedValues(fields, "eventCode", where),
            Effective = Time("effective"),
            Onset = Time("onset"),
            Expires = Time("expires"),
            SenderName = fields.Optional("senderName"),
            Headline = fields.Optional("headline"),
            Description = fields.Optional("description"),
            Instruction = fields.Optional("instruction"),
            Web = fields.Optional("web") is { } web ? WebLink(web) : null,
            Contact = fields.Optional("contact"),
            Parameters = parameters,

            // <resource> (images, audio) is accepted but not kept: the panel works offline and never fetches
            // anything an alert points at.
            Areas = fields.Elements("area").Select((a, i) => ParseArea(a, $"{where}<area #{i + 1}>")).ToList(),
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
                : throw new CapFormatException($"{where}<{name}> '{text}' is not a number.");
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
                NamedValues(fields, "geocode", where),
                altitude,
                ceiling);
        }
        catch (CapFormatException exception) when (!exception.Message.StartsWith(where, StringComparison.Ordinal))
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
            throw new CapFormatException($"{where}<parameter> {CapParameterNames.EvacuationLevel} is '{levels[0].Value}'; it must be a whole number from 1 to 5 (警戒レベル).");
        }

        var jAlert = parameters.Where(p => p.Name == CapParameterNames.JAlertType).ToList();
        if (jAlert.Count > 1)
        {
            throw new CapFormatException($"{where} has {jAlert.Count} <parameter>s named {CapParameterNames.JAlertType}; at most one is allowed.");
        }
    }

    private static List<CapNamedValue> NamedValues(Fields parent, string kind, string where) =>
        parent.Elements(kind).Select((element, index) => NamedValue(element, $"{where}<{kind} #{index + 1}>")).ToList();

    private static CapNamedValue NamedValue(XElement element, string where)
    {
        var fields = new Fields(element, where, single: ["valueName", "value"], repeated: []);

        // An empty <value/> is valid CAP (NWS sends <eventCode><valueName>SAME</valueName><value></value>), and so
        // is a value that is only spaces; only the element itself is required. Japanese senders write digits in
        // full width as often as not, so values are read after NFKC folding (４ is 4).
        var value = fields.Present("value") ? fields.Optional("value") ?? "" : throw fields.Missing("value");
        return new CapNamedValue(fields.Required("valueName"), value.Normalize(System.Text.NormalizationForm.FormKC));
    }

    // A link the panel could not safely offer is dropped, not the alert that carried it.
    private static Uri? WebLink(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

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

    /// <summary>The CAP children of one element, checked for repeats and text-only content.</summary>
    private sealed class Fields
    {
        private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
        {
            // CAP 1.1 §3.2.2: the CAP 1.0 certainty "Very Likely" SHOULD be treated as "Likely".
            ["Very Likely"] = nameof(CapCertainty.Likely),
        };

        private readonly string where;
        private readonly Dictionary<string, List<XElement>> children = new(StringComparer.Ordinal);

        /// <param name="element">The element whose children are read.</param>
        /// <param name="where">Its path as messages show it, e.g. <c>&lt;info #1&gt;&lt;area #2&gt;</c>.</param>
        /// <param name="single">Children that may appear once.</param>
        /// <param name="repeated">Children that may repeat.</param>
        public Fields(XElement element, string where, string[] single, string[] repeated)
        {
            this.where = where;
            var capNamespace = element.Name.Namespace;
            foreach (var child in element.Elements())
            {
                // Other namespaces (an enveloped XML signature, a profile's extension) are allowed and ignored.
                if (child.Name.Namespace != capNamespace)
                {
                    continue;
                }

                // Elements CAP does not define are ignored even in its namespace (Krisinformation.se puts <Type> and
                // <Polygon> in <area>): what the gateway needs is required by name, so ignoring the rest loses nothing
                // it would act on.
                var name = child.Name.LocalName;
                if (!single.Contains(name, StringComparer.Ordinal) && !repeated.Contains(name, StringComparer.Ordinal))
                {
                    continue;
                }

                if (!children.TryGetValue(name, out var list))
                {
                    children[name] = list = [];
                }
                else if (single.Contains(name, StringComparer.Ordinal))
                {
                    throw new CapFormatException($"{where} has <{name}> more than once.");
                }

                list.Add(child);
            }
        }

        public List<XElement> Elements(string name) => children.TryGetValue(name, out var list) ? list : [];

        public bool Present(string name) => Elements(name).Count > 0;

        public CapFormatException Missing(string name) => new($"{where} is missing <{name}>, which CAP requires.");

        public string Required(string name)
        {
            if (!Present(name))
            {
                throw Missing(name);
            }

            return Optional(name) ?? throw new CapFormatException($"{where}<{name}> is empty; CAP requires a value.");
        }

        public string? Optional(string name)
        {
            var list = Elements(name);
            return list.Count == 0 ? null : TextOrNull(list[0], name);
        }

        public List<string> Texts(string name) => Elements(name).Select(e => Text(e, name)).Where(t => t.Length > 0).ToList();

        public T Enum<T>(string name)
            where T : struct, Enum => EnumValue<T>(Canonical(Required(name)), $"{where}<{name}>");

        public T EnumOrUnknown<T>(string name, T unknown)
            where T : struct, Enum => Optional(name) is { } text ? EnumValue<T>(Canonical(text), $"{where}<{name}>") : unknown;

        private static string Canonical(string text) => Synonyms.GetValueOrDefault(text, text);

        private string? TextOrNull(XElement element, string name) => Text(element, name) is { Length: > 0 } text ? text : null;

        private string Text(XElement element, string name) =>
            element.HasElements
                ? throw new CapFormatException($"{where}<{name}> must hold text, not elements.")
                : element.Value.Trim();
    }
}
