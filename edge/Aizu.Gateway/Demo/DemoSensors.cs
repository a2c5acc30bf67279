namespace Aizu.Gateway.Demo;

/// <summary>
/// Demo mode's indoor sensors: simulated BME280, SCD4x, SHT3x chips and a DS18B20 1-wire tree, read
/// by the real drivers through the real Iot.Device.Bindings classes.
/// </summary>
internal static class DemoSensors
{
    public static void Add(IServiceCollection services, IConfiguration section)
    {
        // The SCD4x binding waits in real time, so the simulated chips run on the system clock.
        services.AddSingleton(_ => IndoorSensorSimulation.Create(null, TimeProvider.System, new Random(7)));
        services.AddIndoorSensors(section);
        services.AddOptions<IndoorSensorOptions>().Configure<IndoorSensorSimulation>((options, simulation) =>
        {
            if (options.Sensors.Count == 0)
            {
                foreach (var spec in simulation.Sensors)
                {
                    var definition = new IndoorSensorDefinition
                    {
                        Kind = Enum.Parse<IndoorSensorKind>(spec.Kind.ToString()),
                        Bus = spec.Bus,
                        Address = spec.Address,
                        Room = spec.Room,
                    };

                    // The living room's BME280 already gives temperature and humidity; its SCD4x adds CO2.
                    if (definition.Kind == IndoorSensorKind.Scd4x)
                    {
                        definition.Quantities.Add(Aizu.Readings.IndoorQuantity.Co2);
                    }

                    options.Sensors.Add(definition);
                }
            }

            options.OpenI2cDevice = simulation.OpenI2cDevice;
            options.W1DevicesPath = simulation.W1DevicesPath;
            options.PollInterval = TimeSpan.FromSeconds(10);
        });
    }
}
