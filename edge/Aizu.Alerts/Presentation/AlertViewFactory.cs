namespace Aizu.Alerts;

/// <summary>Builds the panel's <see cref="AlertView"/> from a CAP alert, in the household's best language.</summary>
public static class AlertViewFactory
{
    /// <summary>Builds the view of <paramref name="alert"/> for <paramref name="household"/> at its clock time <paramref name="localTime"/>.</summary>
    public static AlertView Create(CapAlert alert, AlertClassification classification, AreaMatch area, DateTimeOffset expires, AlertPreferences household, TimeOnly localTime) =>
        Create(alert, classification, area, expires, household, localTime, null);

    /// <summary>
    /// Builds the view of <paramref name="alert"/> for <paramref name="household"/> at its clock time <paramref name="localTime"/>, with
    /// the texts in the first of <paramref name="languages"/> the city provided (then the household's own order);
    /// the panel passes the language it is shown in.
    /// </summary>
    public static AlertView Create(CapAlert alert, AlertClassification classification, AreaMatch area, DateTimeOffset expires, AlertPreferences household, TimeOnly localTime, IReadOnlyList<string>? languages)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(household);
        var order = languages is { Count: > 0 } first ? [.. first, .. household.EffectiveLanguages] : household.EffectiveLanguages;
        var info = BestInfo(alert.Infos, order)
            ?? throw new ArgumentException("An alert without <info> cannot be shown.", nameof(alert));
        var separator = info.Language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "、" : "; ";
        return new AlertView
        {
            Id = $"{alert.Sender}/{alert.Identifier}",
            Identifier = alert.Identifier,
            Sender = alert.Sender,
            MessageType = alert.MessageType,
            Status = alert.Status,
            Level = classification.Level,
            Colour = classification.Colour,
            ColourHex = EvacuationLevels.Hex(classification.Colour),
            Takeover = classification.Takeover,
            Audible = HouseholdFilter.Audible(classification, household, localTime),
            JAlertType = classification.JAlertType,
            IsTest = alert.IsTest,
            TestBanner = alert.IsTest ? SupplementaryNotice.TestBanner : null,
            Language = info.Language,
            AvailableLanguages = alert.Infos.Select(i => i.Language).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Event = info.Event,
            Headline = info.Headline,
            Description = info.Description,
            Instruction = info.Instruction,
            AreaDescription = string.Join(separator, info.Areas.Select(a => a.Description)),
            AreaMatch = area,
            SenderName = info.SenderName ?? alert.Sender,
            Issued = alert.Sent,
            Expires = expires,
            Web = info.Web,
            Severity = info.Severity,
            Urgency = info.Urgency,
            Certainty = info.Certainty,
            Categories = info.Categories,
        };
    }

    /// <summary>
    /// The info block in the most preferred language: an exact tag first, then the same primary language
    /// (<c>ja</c> matches <c>ja-JP</c>), else the first block. Among equals, the most severe.
    /// </summary>
    public static CapInfo? BestInfo(IReadOnlyList<CapInfo> infos, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(infos);
        ArgumentNullException.ThrowIfNull(languages);
        return infos
            .Select((info, index) => (info, index, rank: Rank(info.Language, languages)))
            .OrderBy(x => x.rank)
            .ThenBy(x => x.info.Severity)
            .ThenBy(x => x.index)
            .Select(x => x.info)
            .FirstOrDefault();
    }

    private static int Rank(string language, IReadOnlyList<string> preferred)
    {
        for (var i = 0; i < preferred.Count; i++)
        {
            if (string.Equals(language, preferred[i], StringComparison.OrdinalIgnoreCase))
            {
                return i * 2;
            }

            if (string.Equals(Primary(language), Primary(preferred[i]), StringComparison.OrdinalIgnoreCase))
            {
                return (i * 2) + 1;
            }
        }

        return int.MaxValue;
    }

    private static string Primary(string tag) => tag.Split('-')[0];
}
