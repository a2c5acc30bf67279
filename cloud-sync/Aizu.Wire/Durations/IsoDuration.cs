namespace Aizu.Wire;

/// <summary>
/// An ISO 8601 duration such as <c>P1M</c>, <c>P1D</c>, <c>PT30M</c> or <c>P24M</c>. Calendar parts
/// (years, months, days) are kept apart from clock time because a month has no fixed length; that is
/// all the consent rules and the wire's aggregation periods need, so this is not a general-purpose
/// duration type.
/// </summary>
/// <param name="Months">Years × 12 + months.</param>
/// <param name="Days">Weeks × 7 + days.</param>
/// <param name="Time">Hours, minutes and seconds.</param>
public readonly record struct IsoDuration(int Months, int Days, TimeSpan Time)
{
    /// <summary>True for a duration of zero length.</summary>
    public bool IsZero => Months == 0 && Days == 0 && Time == TimeSpan.Zero;

    /// <summary>True when the duration is shorter than <paramref name="span"/> (any calendar part makes it at least a day).</summary>
    public bool IsShorterThan(TimeSpan span) =>
        Months == 0 && TimeSpan.FromDays(Days) + Time < span;

    /// <summary>
    /// <paramref name="start"/> plus this duration on the UTC calendar. A recipient does not know the
    /// household's time zone, so a local day that is 23 or 25 hours long ends an hour off here.
    /// </summary>
    public DateTimeOffset After(DateTimeOffset start) => start.ToUniversalTime().AddMonths(Months).AddDays(Days).Add(Time);

    /// <summary>Parses the subset of ISO 8601 durations with whole numbers (fractional seconds allowed).</summary>
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text[0] != 'P' || text.Length < 3)
        {
            return false;
        }

        int months = 0, days = 0;
        var time = TimeSpan.Zero;
        var inTime = false;
        var sawPart = false;
        var position = 1;
        while (position < text.Length)
        {
            if (text[position] == 'T')
            {
                if (inTime || position == text.Length - 1)
                {
                    return false;
                }

                inTime = true;
                position++;
                continue;
            }

            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || (inTime && text[position] == '.')))
            {
                position++;
            }

            if (position == start || position == text.Length
                || !decimal.TryParse(text.AsSpan(start, position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                || number > 100_000)
            {
                return false;
            }

            var designator = text[position++];
            var whole = (int)number;
            if (number != whole && !(inTime && designator == 'S'))
            {
                return false;
            }

            switch (inTime, designator)
            {
                case (false, 'Y'): months += whole * 12; break;
                case (false, 'M'): months += whole; break;
                case (false, 'W'): days += whole * 7; break;
                case (false, 'D'): days += whole; break;
                case (true, 'H'): time += TimeSpan.FromHours(whole); break;
                case (true, 'M'): time += TimeSpan.FromMinutes(whole); break;
                case (true, 'S'): time += TimeSpan.FromSeconds((double)number); break;
                default: return false;
            }

            sawPart = true;
        }

        if (!sawPart)
        {
            return false;
        }

        duration = new IsoDuration(months, days, time);
        return true;
    }
}
