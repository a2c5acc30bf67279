namespace Aizu.Consent;

/// <summary>
/// How a released value is minimised before it leaves: rounded to a step, optionally with local
/// noise (Laplace, scale in the value's unit). The noise source is injected where it is applied.
/// </summary>
/// <param name="RoundTo">Rounding step in the value's unit (e.g. 100 Wh); 0 means no rounding.</param>
/// <param name="NoiseScale">Laplace noise scale b in the value's unit; 0 means no noise.</param>
public sealed record ValueTransform(double RoundTo = 100, double NoiseScale = 0)
{
    /// <summary>Round to 100 Wh, no noise.</summary>
    public static ValueTransform Default { get; } = new();
}
