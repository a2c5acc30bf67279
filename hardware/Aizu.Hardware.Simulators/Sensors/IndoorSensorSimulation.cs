namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// Simulated indoor sensors on simulated buses, so the host can run the real drivers and bindings
/// against them: hand <see cref="OpenI2cDevice"/> to the driver in place of
/// <see cref="I2cDevice.Create"/> and <see cref="W1DevicesPath"/> in place of <c>/sys/bus/w1/devices</c>.
/// </summary>
public sealed class IndoorSensorSimulation : IDisposable
{
    private readonly Dictionary<(int Bus, int Address), SimulatedI2cDevice> _chips = [];
    private readonly Dictionary<string, IIndoorClimate> _rooms = new(StringComparer.Ordinal);
    private readonly bool _ownsFolder;

    private IndoorSensorSimulation(string folder, bool ownsFolder, TimeProvider time)
    {
        _ownsFolder = ownsFolder;
        OneWire = new SimulatedW1Tree(folder, time);
    }

    /// <summary>The sensors the demo installs: a living room with a BME280 and an SCD4x, a bedroom SHT3x, a hallway DS18B20.</summary>
    public static IReadOnlyList<SimulatedSensorSpec> DemoSensors { get; } =
    [
        new(SimulatedSensorKind.Bme280, "living", 1, "0x76"),
        new(SimulatedSensorKind.Scd4x, "living", 1, "0x62"),
        new(SimulatedSensorKind.Sht3x, "bedroom", 1, "0x44"),
        new(SimulatedSensorKind.Ds18b20, "hallway", 0, "28-0316a2796cff"),
    ];

    /// <summary>The sensors in this simulation.</summary>
    public IReadOnlyList<SimulatedSensorSpec> Sensors { get; private init; } = [];

    /// <summary>The simulated 1-wire tree.</summary>
    public SimulatedW1Tree OneWire { get; }

    /// <summary>The folder standing in for <c>/sys/bus/w1/devices</c>.</summary>
    public string W1DevicesPath => OneWire.Root;

    /// <summary>
    /// Creates the simulation. Each room follows <see cref="IndoorDayClimate"/>, slightly offset from
    /// the others; <paramref name="random"/> supplies the measurement noise.
    /// </summary>
    /// <param name="sensors">The sensors; <see cref="DemoSensors"/> when <see langword="null"/>.</param>
    /// <param name="time">The simulation's clock (the SCD4x binding waits in real time, so use the system clock outside tests).</param>
    /// <param name="random">Noise source.</param>
    /// <param name="w1Folder">Where to build the 1-wire tree; a new temporary folder (deleted on dispose) when <see langword="null"/>.</param>
    /// <param name="timeZone">The home's time zone; <see cref="TimeZoneInfo.Local"/> when <see langword="null"/>.</param>
    public static IndoorSensorSimulation Create(
        IEnumerable<SimulatedSensorSpec>? sensors,
        TimeProvider time,
        Random random,
        string? w1Folder = null,
        TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        var list = (sensors ?? DemoSensors).ToList();
        bool ownsFolder = w1Folder is null;
        string folder = w1Folder ?? Path.Combine(Path.GetTempPath(), "aizu-w1-" + Guid.NewGuid().ToString("N"));
        var simulation = new IndoorSensorSimulation(folder, ownsFolder, time) { Sensors = list };
        foreach (var spec in list)
        {
            var climate = simulation.RoomClimate(spec.Room, random, timeZone ?? TimeZoneInfo.Local);
            if (spec.Kind == SimulatedSensorKind.Ds18b20)
            {
                simulation.OneWire.AddThermometer(spec.Address, climate);
                continue;
            }

            var settings = new I2cConnectionSettings(spec.Bus, ParseAddress(spec.Address));
            SimulatedI2cDevice chip = spec.Kind switch
            {
                SimulatedSensorKind.Bme280 => new SimulatedBme280(settings, climate, time),
                SimulatedSensorKind.Sht3x => new SimulatedSht3x(settings, climate, time),
                SimulatedSensorKind.Scd4x => new SimulatedScd4x(settings, climate, time),
                _ => throw new ArgumentOutOfRangeException(nameof(sensors), spec.Kind, "Unknown simulated sensor."),
            };
            if (!simulation._chips.TryAdd((spec.Bus, settings.DeviceAddress), chip))
            {
                throw new ArgumentException($"Two simulated chips at address 0x{settings.DeviceAddress:X2} on bus {spec.Bus}.", nameof(sensors));
            }
        }

        return simulation;
    }

    /// <summary>Opens a device as <see cref="I2cDevice.Create"/> would: the chip at that address, or an address nobody answers at.</summary>
    public I2cDevice OpenI2cDevice(I2cConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _chips.TryGetValue((settings.BusId, settings.DeviceAddress), out var chip) ? chip : new AbsentI2cDevice(settings);
    }

    /// <summary>The simulated chip of type <typeparamref name="T"/> at <paramref name="address"/> on <paramref name="bus"/>.</summary>
    public T Chip<T>(int bus, int address)
        where T : SimulatedI2cDevice =>
        _chips.TryGetValue((bus, address), out var chip) && chip is T typed
            ? typed
            : throw new KeyNotFoundException($"No simulated {typeof(T).Name} at 0x{address:X2} on bus {bus}.");

    /// <summary>Deletes the 1-wire folder if the simulation created it.</summary>
    public void Dispose()
    {
        if (_ownsFolder && Directory.Exists(OneWire.Root))
        {
            Directory.Delete(OneWire.Root, recursive: true);
        }
    }

    private static int ParseAddress(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : int.Parse(text, CultureInfo.InvariantCulture);

    private IIndoorClimate RoomClimate(string room, Random random, TimeZoneInfo timeZone)
    {
        if (!_rooms.TryGetValue(room, out var climate))
        {
            // Rooms differ by up to a degree, in a fixed order so runs are repeatable.
            double offset = (_rooms.Count % 3) - 1;
            climate = new IndoorDayClimate(random, timeZone, offset * 0.8);
            _rooms.Add(room, climate);
        }

        return climate;
    }
}
