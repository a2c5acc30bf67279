namespace Aizu.Gateway.Doctor;

/// <summary>
/// The configured indoor sensors: each I2C bus present, then one test read of each sensor with the gateway's own chip
/// code, each result with what an installer does about it.
/// </summary>
internal static class IndoorSensorCheck
{
    private const string EnableI2c = "Enable I2C (sudo raspi-config nonint do_i2c 0, or dtparam=i2c_arm=on in /boot/firmware/config.txt) and reboot.";

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(IndoorSensorOptions.SectionName).Get<IndoorSensorOptions>() ?? new IndoorSensorOptions();
        var checks = new List<DoctorCheck>();
        var reachable = new IndoorSensorOptions { W1DevicesPath = options.W1DevicesPath, ReadTimeout = options.ReadTimeout };
        foreach (var sensor in options.Sensors)
        {
            string bus = $"/dev/i2c-{sensor.Bus}";
            if (sensor.Kind != IndoorSensorKind.Ds18b20 && !File.Exists(bus))
            {
                checks.Add(new DoctorCheck(Name(sensor), DoctorOutcome.Fail, $"{bus} does not exist, so the {sensor.Kind} cannot be read", EnableI2c));
                continue;
            }

            reachable.Sensors.Add(sensor);
        }

        foreach (var result in await IndoorSensorProbe.ProbeAsync(reachable, cancellationToken))
        {
            checks.Add(result.Outcome switch
            {
                SensorProbeOutcome.Answered => new DoctorCheck(Name(result.Definition), DoctorOutcome.Ok, $"{result.Description}: {result.Detail}"),
                SensorProbeOutcome.NoAccess => new DoctorCheck(Name(result.Definition), DoctorOutcome.Fail, $"{result.Description}: {result.Detail}",
                    "Add the gateway's user to the i2c group (sudo usermod -aG i2c aizu) and restart it."),
                SensorProbeOutcome.BadData => new DoctorCheck(Name(result.Definition), DoctorOutcome.Fail, $"{result.Description} answers, but its data is unusable: {result.Detail}",
                    "Check that the configured Kind is the chip actually fitted, and its supply (3.3 V); replace the sensor if it stays so."),
                _ when result.Definition.Kind == IndoorSensorKind.Ds18b20 => new DoctorCheck(Name(result.Definition), DoctorOutcome.Fail, $"{result.Description} does not answer: {result.Detail}",
                    $"Enable 1-wire (dtoverlay=w1-gpio in /boot/firmware/config.txt), fit the 4.7 kΩ pull-up, and check that {options.W1DevicesPath} lists the sensor's id."),
                _ => new DoctorCheck(Name(result.Definition), DoctorOutcome.Fail, $"{result.Description} does not answer: {result.Detail}",
                    "Check the wiring (SDA pin 3, SCL pin 5, 3.3 V, GND) and the address: 'i2cdetect -y 1' lists what answers (a BME280 is 0x76 or 0x77 by its SDO pin)."),
            });
        }

        return checks;
    }

    private static string Name(IndoorSensorDefinition sensor) => $"sensor {sensor.Room}";
}
