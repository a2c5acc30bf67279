namespace Aizu.Hardware.EchonetLite.Description;

/// <summary>
/// The unit (0xE1) and coefficient (0xD3) a meter sent in the same frame as its cumulative counts, so those can be
/// shown in kWh too. A frame without 0xE1 shows counts only: the unit differs between meters, so guessing it would
/// print wrong energy.
/// </summary>
internal readonly struct EnergyScale
{
    private readonly decimal? _unitKilowattHours;
    private readonly uint _coefficient;

    private EnergyScale(decimal? unitKilowattHours, uint coefficient)
    {
        _unitKilowattHours = unitKilowattHours;
        _coefficient = coefficient;
    }

    public static EnergyScale Find(EchonetObject owner, PropertyList first, PropertyList second)
    {
        if (!owner.IsSameClass(EchonetObject.SmartElectricEnergyMeter))
        {
            return new EnergyScale(null, 1);
        }

        decimal? unit = null;
        uint coefficient = 1; // 0xD3 is optional; a meter without it counts in plain units of 0xE1.
        Collect(first, ref unit, ref coefficient);
        Collect(second, ref unit, ref coefficient);
        return new EnergyScale(unit, coefficient);
    }

    /// <summary>" (6513.9 kWh)" when the frame carried 0xE1, otherwise an empty string.</summary>
    public string KilowattHoursSuffix(uint raw)
    {
        if (_unitKilowattHours is not { } unit)
        {
            return string.Empty;
        }

        var register = new EnergyRegister(_coefficient, unit, EffectiveDigits: 8);
        return string.Create(CultureInfo.InvariantCulture, $" ({register.ToKilowattHours(raw)} kWh)");
    }

    private static void Collect(PropertyList properties, ref decimal? unit, ref uint coefficient)
    {
        foreach (var property in properties)
        {
            try
            {
                if (property.Epc == SmartMeterEpc.CumulativeUnit && !property.Edt.IsEmpty)
                {
                    unit = SmartMeterCodec.DecodeUnitKilowattHours(property.Edt);
                }
                else if (property.Epc == SmartMeterEpc.Coefficient && !property.Edt.IsEmpty)
                {
                    coefficient = SmartMeterCodec.DecodeCoefficient(property.Edt);
                }
            }
            catch (EchonetLiteFormatException)
            {
                // The property's own line reports why it is invalid; here it is simply not used.
            }
        }
    }
}
