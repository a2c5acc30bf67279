namespace Aizu.Alerts;

/// <summary>Applies the household's <see cref="AlertPreferences"/> to an alert on the gateway.</summary>
public static class HouseholdFilter
{
    /// <summary>
    /// True when the alert is shown to this household: its area is not elsewhere, and it passes the minimum
    /// level and categories — which a takeover alert (level 4+, J-Alert) always does.
    /// </summary>
    public static bool Shows(CapAlert alert, AlertClassification classification, AlertPreferences household, out AreaMatch area)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(household);
        area = AreaMatcher.Match(alert, household);
        if (area == AreaMatch.Outside)
        {
            return false;
        }

        if (classification.Takeover)
        {
            return true;
        }

        if (classification.Level < household.MinimumLevel)
        {
            return false;
        }

        return household.Categories.Count == 0
            || alert.Infos.SelectMany(i => i.Categories).Any(household.Categories.Contains);
    }

    /// <summary>
    /// True when the panel may sound a tone at the household's clock time <paramref name="localTime"/>:
    /// outside quiet hours, or a takeover alert.
    /// </summary>
    public static bool Audible(AlertClassification classification, AlertPreferences household, TimeOnly localTime)
    {
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(household);
        return classification.Takeover || !InQuietHours(household, localTime);
    }

    /// <summary>True when the household's clock time <paramref name="localTime"/> falls in its quiet hours (start inclusive, end exclusive).</summary>
    public static bool InQuietHours(AlertPreferences household, TimeOnly localTime)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (household.QuietHoursStart is not { } start || household.QuietHoursEnd is not { } end || start == end)
        {
            return false;
        }

        return start < end
            ? localTime >= start && localTime < end
            : localTime >= start || localTime < end;
    }
}
