namespace Aizu.Hardware.EchonetLite.Description;

/// <summary>
/// Names of ECHONET object classes (APPENDIX Detailed Requirements for ECHONET Device objects, and specification
/// Part 2, 6.11 for the node profile): the three every B-route frame uses, and a few more a home gateway meets.
/// </summary>
internal static class ObjectNames
{
    /// <summary>"0x028801 low-voltage smart electric energy meter, instance 1".</summary>
    public static string Describe(EchonetObject eoj)
    {
        string name = ClassName(eoj.ClassGroup, eoj.ClassCode)
            ?? string.Create(CultureInfo.InvariantCulture,
                $"class 0x{eoj.ClassGroup:X2}{eoj.ClassCode:X2} ({GroupName(eoj.ClassGroup)})");

        // Instance code 0x00 addresses every instance of the class (Part 2, 3.2.4).
        string instance = eoj.Instance == 0
            ? "all instances"
            : string.Create(CultureInfo.InvariantCulture, $"instance {eoj.Instance}");

        return string.Create(CultureInfo.InvariantCulture, $"{eoj} {name}, {instance}");
    }

    private static string? ClassName(byte group, byte code) => (group, code) switch
    {
        (0x02, 0x88) => "low-voltage smart electric energy meter",
        (0x05, 0xFF) => "controller",
        (0x0E, 0xF0) => "node profile",
        (0x01, 0x30) => "home air conditioner",
        (0x02, 0x6B) => "electric water heater",
        (0x02, 0x79) => "household solar power generation",
        (0x02, 0x7D) => "storage battery",
        (0x02, 0x7E) => "electric vehicle charger/discharger",
        (0x02, 0x87) => "power distribution board metering",
        (0x02, 0x8A) => "high-voltage smart electric energy meter",
        _ => null,
    };

    private static string GroupName(byte group) => group switch
    {
        0x00 => "sensor-related device",
        0x01 => "air conditioner-related device",
        0x02 => "housing/facility-related device",
        0x03 => "cooking/housework-related device",
        0x04 => "health-related device",
        0x05 => "management/control-related device",
        0x06 => "audiovisual-related device",
        0x0E => "profile",
        0x0F => "user definition",
        _ => "unknown class group",
    };
}
