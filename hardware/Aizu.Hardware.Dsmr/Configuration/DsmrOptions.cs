namespace Aizu.Hardware.Dsmr;

/// <summary>Settings of the DSMR P1 meter driver, bound from <c>Aizu:Dsmr</c>: the device path of the P1 cable and the
/// intervals every serial meter has, and the meter's generation.</summary>
public sealed class DsmrOptions : SerialMeterOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:Dsmr";

    /// <summary>The meter's P1 generation: line settings (115200 8N1 or 9600 7E1) and whether a CRC is required.</summary>
    public DsmrProtocol Protocol { get; set; } = DsmrProtocol.Dsmr5;
}
