namespace Aizu.Alerts;

/// <summary>Whether an alert's area covers the household.</summary>
public enum AreaMatch
{
    /// <summary>A geocode, polygon or circle of the alert covers the household's location.</summary>
    Inside,

    /// <summary>
    /// Nothing could be compared (the household set no location, or the area has only a description, or
    /// the alert's area and the household's location are of different kinds). Such alerts are shown:
    /// missing a real evacuation order is worse than seeing one meant for a neighbouring district.
    /// </summary>
    Unknown,

    /// <summary>Every comparable area of the alert lies elsewhere: not shown.</summary>
    Outside,
}
