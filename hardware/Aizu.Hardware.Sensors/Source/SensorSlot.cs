namespace Aizu.Hardware.Sensors;

/// <summary>One configured sensor and what the source remembers about it between rounds.</summary>
internal sealed class SensorSlot
{
    private SensorHealth _health;

    public SensorSlot(IndoorSensorDefinition definition, IndoorSensorOptions options)
    {
        Definition = definition;
        Published = SensorQuantities.PublishedBy(definition);
        Series = Published.ToDictionary(q => q, q => SeriesNames.Indoor(definition.Room, q));
        if (definition.Kind == IndoorSensorKind.Ds18b20)
        {
            Description = $"DS18B20 {definition.Address} ({definition.Room})";
            Chip = new Ds18b20Chip(options.W1DevicesPath, definition.Address);
            _health = new SensorHealth(Description, definition.Room, false, null, null, null);
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
        _health = new SensorHealth(Description, definition.Room, false, null, null, null);
    }

    public IndoorSensorDefinition Definition { get; }

    /// <summary>What the panel shows about this sensor; replaced whole, so a reader on another thread sees one consistent state.</summary>
    public SensorHealth Health
    {
        get => Volatile.Read(ref _health);
        private set => Volatile.Write(ref _health, value);
    }

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

    /// <summary>Records a read that gave a reading.</summary>
    public void Answered(DateTimeOffset at) => Health = Health with { Answering = true, LastAnsweredAt = at, NotAnsweringSince = null };

    /// <summary>Records a failed read; the first of a run of failures says since when.</summary>
    public void Failed(DateTimeOffset at, string error) => Health = Health with
    {
        Answering = false,
        NotAnsweringSince = Health.NotAnsweringSince ?? at,
        LastError = error.ReplaceLineEndings(" "),
    };

    /// <summary>Set after a time-out: the chip is closed and reopened once the stuck read returns.</summary>
    public bool ReopenWhenIdle { get; set; }
}
