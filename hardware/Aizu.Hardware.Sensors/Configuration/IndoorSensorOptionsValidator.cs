namespace Aizu.Hardware.Sensors;

/// <summary>Checks <see cref="IndoorSensorOptions"/> at start-up; each message names the key to fix.</summary>
public sealed partial class IndoorSensorOptionsValidator() : SectionOptionsValidator<IndoorSensorOptions>(IndoorSensorOptions.SectionName)
{
    private const string Section = IndoorSensorOptions.SectionName;

    /// <inheritdoc />
    protected override void Check(IndoorSensorOptions options, List<string> failures)
    {
        if (options.Sensors.Count == 0)
        {
            failures.Add($"{Section}:Sensors is empty: list at least one sensor, e.g. {{ \"Kind\": \"Bme280\", \"Bus\": 1, \"Address\": \"0x76\", \"Room\": \"living\" }}.");
        }

        if (options.PollInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}:PollInterval must be at least one second, such as 00:00:30 (got {options.PollInterval}).");
        }

        if (options.ReadTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ReadTimeout must be a positive duration such as 00:00:10 (got {options.ReadTimeout}).");
        }
        else if (options.ReadTimeout < TimeSpan.FromSeconds(6) && options.Sensors.Any(s => s.Kind == IndoorSensorKind.Scd4x))
        {
            failures.Add($"{Section}:ReadTimeout must be at least 00:00:06 when an SCD4x is wired: it has a new value only every 5 s (got {options.ReadTimeout}).");
        }

        if (options.OpenI2cDevice is null)
        {
            failures.Add($"{Section}:OpenI2cDevice is not set.");
        }

        if (string.IsNullOrWhiteSpace(options.W1DevicesPath) && options.Sensors.Any(s => s.Kind == IndoorSensorKind.Ds18b20))
        {
            failures.Add($"{Section}:W1DevicesPath is empty: set it to /sys/bus/w1/devices.");
        }

        var addresses = new Dictionary<(int, int), int>();
        var series = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < options.Sensors.Count; i++)
        {
            CheckSensor(options.Sensors[i], i, addresses, series, failures);
        }
    }

    [GeneratedRegex("^28-[0-9a-f]{12}$")]
    private static partial Regex Ds18b20Id();

    private static void CheckSensor(IndoorSensorDefinition sensor, int index, Dictionary<(int, int), int> addresses, Dictionary<string, int> series, List<string> failures)
    {
        string key = $"{Section}:Sensors:{index}";
        if (!Enum.IsDefined(sensor.Kind))
        {
            failures.Add($"{key}:Kind must be one of {string.Join(", ", Enum.GetNames<IndoorSensorKind>())} (got {sensor.Kind}).");
            return;
        }

        if (!SeriesNames.IsRoomSlug(sensor.Room))
        {
            failures.Add($"{key}:Room '{sensor.Room}' must be a slug: 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter (e.g. living).");
        }

        if (sensor.Kind == IndoorSensorKind.Ds18b20)
        {
            if (!Ds18b20Id().IsMatch(sensor.Address ?? string.Empty))
            {
                failures.Add($"{key}:Address must be the DS18B20's 1-wire id as listed in /sys/bus/w1/devices, e.g. 28-0316a2796cff (got '{sensor.Address}').");
            }
        }
        else if (sensor.Bus < 0)
        {
            failures.Add($"{key}:Bus must be the I2C bus number, 1 on a Raspberry Pi (got {sensor.Bus}).");
        }
        else if (!I2cAddress.TryParse(sensor.Address ?? string.Empty, sensor.Kind, out int address))
        {
            failures.Add($"{key}:Address must be a 7-bit I2C address between 0x03 and 0x77, e.g. 0x{I2cAddress.DefaultFor(sensor.Kind):x2} (got '{sensor.Address}').");
        }
        else if (addresses.TryGetValue((sensor.Bus, address), out int other))
        {
            failures.Add($"{key}:Address 0x{address:x2} on bus {sensor.Bus} is already used by {Section}:Sensors:{other}; two chips cannot share an address.");
        }
        else
        {
            addresses.Add((sensor.Bus, address), index);
        }

        var provided = SensorQuantities.ProvidedBy(sensor.Kind);
        foreach (var quantity in sensor.Quantities.Where(q => !provided.Contains(q)).Distinct())
        {
            failures.Add($"{key}:Quantities lists {quantity}, which a {sensor.Kind} does not measure (it measures {string.Join(", ", provided)}).");
        }

        if (!SeriesNames.IsRoomSlug(sensor.Room))
        {
            return;
        }

        foreach (var quantity in SensorQuantities.PublishedBy(sensor).Where(provided.Contains))
        {
            string name = SeriesNames.Indoor(sensor.Room, quantity);
            if (!series.TryAdd(name, index))
            {
                failures.Add($"{key} would publish {name}, which {Section}:Sensors:{series[name]} already publishes: set Quantities on one of them.");
            }
        }
    }
}
