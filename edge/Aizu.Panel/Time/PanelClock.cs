namespace Aizu.Panel;

/// <summary>"Now" and "today" on the household calendar.</summary>
internal sealed class PanelClock(HouseholdCalendar calendar, TimeProvider timeProvider)
{
    /// <summary>The household calendar every day and month the panel shows follows.</summary>
    public HouseholdCalendar Calendar { get; } = calendar;

    public TimeZoneInfo Zone => Calendar.Zone;

    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();

    /// <summary>Today's local date and the instant it began.</summary>
    public (DateOnly Date, DateTimeOffset Start) Today()
    {
        var date = Calendar.LocalDate(UtcNow);
        return (date, Calendar.StartOfDay(date));
    }
}
