namespace Aizu.Hardware.EchonetLite.Description;

/// <summary>
/// EPC names: the smart meter's (APPENDIX 3.3.25), the node profile's (Part 2, 6.11.1) and the device super class's
/// (APPENDIX 2.2), which every device object shares. The wording is shortened from the specification's.
/// </summary>
internal static class PropertyNames
{
    public static string? Of(EchonetObject owner, byte epc)
    {
        if (owner.IsSameClass(EchonetObject.SmartElectricEnergyMeter) && SmartMeter(epc) is { } meter)
        {
            return meter;
        }

        if (owner.IsSameClass(EchonetObject.NodeProfile) && NodeProfile(epc) is { } node)
        {
            return node;
        }

        return SuperClass(epc);
    }

    private static string? SmartMeter(byte epc) => epc switch
    {
        SmartMeterEpc.Coefficient => "coefficient",
        SmartMeterEpc.EffectiveDigits => "number of effective digits for cumulative energy",
        SmartMeterEpc.CumulativeNormal => "cumulative electric energy, normal direction",
        SmartMeterEpc.CumulativeUnit => "unit for cumulative electric energy",
        SmartMeterEpc.HistoryNormal => "cumulative electric energy history, normal direction",
        SmartMeterEpc.CumulativeReverse => "cumulative electric energy, reverse direction",
        SmartMeterEpc.HistoryReverse => "cumulative electric energy history, reverse direction",
        SmartMeterEpc.HistoryDay => "day of the cumulative energy history",
        SmartMeterEpc.InstantaneousPower => "instantaneous electric power",
        SmartMeterEpc.InstantaneousCurrent => "instantaneous current",
        SmartMeterEpc.FixedTimeNormal => "cumulative electric energy at fixed time, normal direction",
        SmartMeterEpc.FixedTimeReverse => "cumulative electric energy at fixed time, reverse direction",
        _ => null,
    };

    private static string? NodeProfile(byte epc) => epc switch
    {
        0xBF => "unique identifier data",
        0xD3 => "number of self-node instances",
        0xD4 => "number of self-node classes",
        0xD5 => "instance list notification",
        0xD6 => "self-node instance list S",
        0xD7 => "self-node class list S",
        _ => null,
    };

    private static string? SuperClass(byte epc) => epc switch
    {
        0x80 => "operation status",
        0x81 => "installation location",
        0x82 => "standard version information",
        0x83 => "identification number",
        0x88 => "fault status",
        0x8A => "manufacturer code",
        0x8C => "product code",
        0x8D => "production number",
        0x97 => "current time",
        0x98 => "current date",
        0x9D => "status change announcement property map",
        0x9E => "Set property map",
        0x9F => "Get property map",
        _ => null,
    };
}
