namespace Aizu.Hardware.Sml;

/// <summary>Settings of the SML meter driver (an optical read head on a German meter's info interface), bound from
/// <c>Aizu:Sml</c>: the device path of the read head and the intervals every serial meter has, and the line speed.</summary>
public sealed class SmlOptions : SerialMeterOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:Sml";

    /// <summary>Line speed; SML info interfaces send at 9600 baud 8N1.</summary>
    public int BaudRate { get; set; } = 9600;
}
