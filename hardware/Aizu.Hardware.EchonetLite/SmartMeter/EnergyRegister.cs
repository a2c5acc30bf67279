namespace Aizu.Hardware.EchonetLite.SmartMeter;

/// <summary>
/// How a meter's raw cumulative counts turn into kWh: coefficient (0xD3), unit (0xE1) and the number of digits the
/// counter has before it rolls over (0xD7).
/// </summary>
/// <param name="Coefficient">0xD3; 1 when the meter does not implement it (the property is optional).</param>
/// <param name="UnitKilowattHours">0xE1, e.g. 0.1 kWh per count.</param>
/// <param name="EffectiveDigits">0xD7, 1 to 8.</param>
public readonly record struct EnergyRegister(uint Coefficient, decimal UnitKilowattHours, int EffectiveDigits)
{
    private const int MinDigits = 1;
    private const int MaxDigits = 8;

    /// <summary>raw × coefficient × unit.</summary>
    public decimal ToKilowattHours(uint raw) => raw * (decimal)Coefficient * UnitKilowattHours;

    /// <summary>
    /// Energy between two readings of the same register, counting a roll-over at 10^EffectiveDigits: with 6 digits,
    /// 999998 then 3 is 5 counts, not a negative amount.
    /// </summary>
    /// <remarks>
    /// A reading with more digits than the meter declared means the register or the data is wrong; that came from the
    /// meter, so it is an <see cref="EchonetLiteFormatException"/>.
    /// </remarks>
    public decimal DeltaKilowattHours(uint previousRaw, uint currentRaw)
    {
        if (EffectiveDigits is < MinDigits or > MaxDigits)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"EffectiveDigits is {EffectiveDigits}; 0xD7 allows {MinDigits} to {MaxDigits}."));
        }

        ulong modulus = Pow10(EffectiveDigits);
        CheckWithinDigits(previousRaw, modulus);
        CheckWithinDigits(currentRaw, modulus);

        ulong counts = currentRaw >= previousRaw
            ? currentRaw - previousRaw
            : currentRaw + modulus - previousRaw;
        return counts * (decimal)Coefficient * UnitKilowattHours;
    }

    private static ulong Pow10(int exponent)
    {
        ulong value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }

    private void CheckWithinDigits(uint raw, ulong modulus)
    {
        if (raw >= modulus)
        {
            throw new EchonetLiteFormatException(string.Create(CultureInfo.InvariantCulture,
                $"Cumulative reading {raw} has more than the meter's {EffectiveDigits} effective digits."));
        }
    }
}
