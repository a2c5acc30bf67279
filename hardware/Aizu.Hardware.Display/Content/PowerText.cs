namespace Aizu.Hardware.Display;

/// <summary>How power is written on the small screens: short enough for 16 characters or two-times-size digits.</summary>
internal static class PowerText
{
    /// <summary>Shown when there is no power value, or only an old one.</summary>
    public const string Missing = "-- W";

    public static DisplayContent Compose(IDisplayState state, DateTimeOffset now, TimeSpan staleAfter)
    {
        var power = state.LatestPower;
        string text = power is { } reading && now - reading.Timestamp <= staleAfter && double.IsFinite(reading.Value)
            ? Format(reading.Value)
            : Missing;
        return new DisplayContent(text, state.AlertActive, state.Notice);
    }

    /// <summary>Watts below 10 kW (the usual range, no decimals), kilowatts with one decimal above.</summary>
    public static string Format(double watts) =>
        Math.Abs(watts) < 9_999.5
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(watts, MidpointRounding.AwayFromZero):0} W")
            : string.Create(CultureInfo.InvariantCulture, $"{watts / 1000:0.0} kW");
}
