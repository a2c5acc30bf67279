using System.Device.I2c;
using Aizu.Readings;

namespace Aizu.Hardware.Sensors;

/// <summary>One configured sensor and what the source remembers about it between rounds.</summary>
internal sealed class SensorSlot
{
    public SensorSlot(IndoorSensorDefinition definition, IndoorSensorOptions options)
    {
        Definition = definition;
        Published = SensorQuantities.PublishedBy(definition);
        Series = Published.ToDictionary(q => q, q => SeriesNames.Indoor(definition.Room, q));
        if (definition.Kind == IndoorSensorKind.Ds18b20)
        {
            Description = $"DS18B20 {definition.Address} ({definition.Room})";
            Chip = new Ds18b20Chip(options.W1DevicesPath, definition.Address);
            return;
        }

        if (!I2cAddress.TryParse(definition.Address, definition.Kind, out int address))
        {
            throw new ArgumentException($"'{definition.Address}' is not an I2C address.", nameof(definition));
        }

        var settings = new I2cConnectionSettings(definition.Bus, address);
        Description = $"{definition.Kind.ToString().ToUpperInvariant()} at 0x{address:X2} on I2C bus {definition.Bus} ({definition.Room})";
        Chip = definition.Kind switch
        {
            IndoorSensorKind.Bme280 => new Bme280Chip(options.OpenI2cDevice, settings),
            IndoorSensorKind.Sht3x => new Sht3xChip(options.OpenI2cDevice, settings),
            IndoorSensorKind.Scd4x => new Scd4xChip(options.OpenI2cDevice, settings),
            _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "Unknown sensor kind."),
        };
    }

    public IndoorSensorDefinition Definition { get; }

    public string Description { get; }

    public ISensorChip Chip { get; }

    public IReadOnlyList<IndoorQuantity> Published { get; }

    public IReadOnlyDictionary<IndoorQuantity, string> Series { get; }

    /// <summary>The read started in an earlier round that has not finished (a stuck bus), if any.</summary>
    public Task? Pending { get; set; }

    /// <summary>Rounds in a row that produced no reading.</summary>
    public int FailedRounds { get; set; }

    /// <summary>The last failure's kind, so a repeated one is logged quietly and a new one loudly.</summary>
    public string? LastFailure { get; set; }

    /// <summary>Set after a time-out: the chip is closed and reopened once the stuck read returns.</summary>
    public bool ReopenWhenIdle { get; set; }
}
