namespace Aizu.Tariffs;

/// <summary>How a total is rounded to the currency's smallest unit (a yen, a cent).</summary>
public enum CostRounding
{
    /// <summary>Drop the fraction, toward zero (Japanese bills: 1円未満切り捨て).</summary>
    Down = 1,

    /// <summary>To the nearest unit, halves away from zero.</summary>
    Nearest = 2,
}
