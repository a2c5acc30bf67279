namespace Aizu.Wire;

/// <summary>
/// Japanese evacuation alert levels (警戒レベル, since May 2021) mapped to CAP severity and urgency. This
/// mapping is the project's proposal, not a standard: L5 緊急安全確保 → Extreme/Immediate, L4 避難指示 →
/// Severe/Immediate, L3 高齢者等避難 → Moderate/Expected, L2 → Minor/Expected, L1 早期注意情報 → Minor/Future;
/// J-Alert types → Extreme/Immediate.
/// </summary>
public static class EvacuationLevels
{
    /// <summary>The severity and urgency a message stating <paramref name="level"/> must carry.</summary>
    public static (CapSeverity Severity, CapUrgency Urgency) Expected(int level) => level switch
    {
        5 => (CapSeverity.Extreme, CapUrgency.Immediate),
        4 => (CapSeverity.Severe, CapUrgency.Immediate),
        3 => (CapSeverity.Moderate, CapUrgency.Expected),
        2 => (CapSeverity.Minor, CapUrgency.Expected),
        1 => (CapSeverity.Minor, CapUrgency.Future),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels run from 1 to 5."),
    };

    /// <summary>
    /// The level a message without <c>JP-EvacLevel</c> (for instance a foreign CAP feed) is treated as, from its
    /// severity alone: Extreme 5, Severe 4, Moderate 3, Minor 2, Unknown 1.
    /// </summary>
    public static int FromSeverity(CapSeverity severity) => severity switch
    {
        CapSeverity.Extreme => 5,
        CapSeverity.Severe => 4,
        CapSeverity.Moderate => 3,
        CapSeverity.Minor => 2,
        _ => 1,
    };

    /// <summary>The colour band of <paramref name="level"/>.</summary>
    public static ColourBand ColourOf(int level) => level switch
    {
        >= 5 => ColourBand.Black,
        4 => ColourBand.Purple,
        3 => ColourBand.Red,
        2 => ColourBand.Yellow,
        _ => ColourBand.White,
    };

    /// <summary>The RGB colour of <paramref name="band"/> as <c>#RRGGBB</c> (the values used for 警戒レベル in Japan).</summary>
    public static string Hex(ColourBand band) => band switch
    {
        ColourBand.Black => "#0C000C",
        ColourBand.Purple => "#AA00AA",
        ColourBand.Red => "#FF2800",
        ColourBand.Yellow => "#F2E700",
        _ => "#FFFFFF",
    };

    /// <summary>Classifies <paramref name="alert"/> over all its info blocks and lists every disagreement.</summary>
    public static AlertClassification Classify(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var problems = new List<string>();
        int? stated = null;
        string? jAlert = null;
        var level = 1;

        foreach (var info in alert.Infos)
        {
            var where = $"<info> {info.Language}";
            var type = info.Parameter(CapParameterNames.JAlertType);
            var infoLevel = info.Parameter(CapParameterNames.EvacuationLevel) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;

            if (type is not null)
            {
                jAlert ??= type;
                if (info.Severity != CapSeverity.Extreme || info.Urgency != CapUrgency.Immediate)
                {
                    problems.Add($"{where}: J-Alert type '{type}' needs severity Extreme and urgency Immediate, not {info.Severity}/{info.Urgency}.");
                }

                if (JAlertTypes.CategoryOf(type) is { } category && !info.Categories.Contains(category))
                {
                    problems.Add($"{where}: J-Alert type '{type}' needs category {category}.");
                }
            }
            var shown = FromSeverity(info.Severity);
            if (type is null && infoLevel is { } value)
            {
                var (severity, urgency) = Expected(value);
                if (info.Severity != severity || info.Urgency != urgency)
                {
                    problems.Add($"{where}: {CapParameterNames.EvacuationLevel} {value} needs severity {severity} and urgency {urgency}, not {info.Severity}/{info.Urgency}.");

                    // The panel never shows less than either field says: a mismatch is the city's mistake, and
                    // an under-stated evacuation order is the dangerous way round.
                    shown = Math.Max(value, shown);
                }
                else
                {
                    shown = value;
                }
            }

            if (infoLevel is { } infoStated)
            {
                if (stated is { } earlier && earlier != infoStated)
                {
                    problems.Add($"{where}: {CapParameterNames.EvacuationLevel} {infoStated} differs from {earlier} in another language.");
                }

                stated = Math.Max(stated ?? 0, infoStated);
            }

            // J-Alert types have no evacuation level of their own; they are shown as the most urgent band.
            level = Math.Max(level, type is null ? shown : 5);
        }

        return new AlertClassification(level, stated, jAlert, problems);
    }
}
