namespace Aizu.Tariffs;

/// <summary>How the rest of a day was projected.</summary>
public enum ForecastMethod
{
    /// <summary>Not projected: too little of the day has passed and no usable profile was given (export: no profile), so the figure is the day's so far.</summary>
    SoFar = 0,

    /// <summary>The rest of the day follows the profile day's curve for the same clock times.</summary>
    Profile = 1,

    /// <summary>The rest of the day continues at the day's average rate so far.</summary>
    Linear = 2,
}
