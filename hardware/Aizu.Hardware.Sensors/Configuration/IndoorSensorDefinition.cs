namespace Aizu.Hardware.Sensors;

/// <summary>One wired sensor: which chip, where, and in which room.</summary>
public sealed class IndoorSensorDefinition
{
    /// <summary>The chip.</summary>
    public IndoorSensorKind Kind { get; set; }

    /// <summary>I2C bus number (<c>/dev/i2c-1</c> is bus 1, the Pi header's pins 3 and 5). Not used for the DS18B20.</summary>
    public int Bus { get; set; } = 1;

    /// <summary>
    /// I2C address as hex (<c>0x76</c>) or decimal; empty for the chip's usual address (BME280 0x76,
    /// SHT3x 0x44, SCD4x 0x62). For a DS18B20, its 1-wire id such as <c>28-0316a2796cff</c>.
    /// </summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>The room slug used in the series name, e.g. <c>living</c> gives <c>indoor.living.temperature</c>.</summary>
    public string Room { get; set; } = string.Empty;

    /// <summary>
    /// Which of the chip's quantities to publish; all of them when empty. Use it when two sensors share
    /// a room, e.g. only <c>Co2</c> from an SCD4x whose temperature reads high from its own warmth.
    /// </summary>
    public IList<IndoorQuantity> Quantities { get; } = [];
}
