namespace Aizu.Hardware.Sensors;

/// <summary>Settings of the indoor sensor source, bound from <c>Aizu:IndoorSensors</c>.</summary>
public sealed class IndoorSensorOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:IndoorSensors";

    /// <summary>The wired sensors.</summary>
    public IList<IndoorSensorDefinition> Sensors { get; } = [];

    /// <summary>How often every sensor is read.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one sensor may take to answer before it is skipped for the round (a stuck bus). The
    /// SCD4x has a new value only every 5 s, so this must be longer than that when one is wired.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the kernel lists 1-wire devices; a test or the demo points it at a simulated tree.</summary>
    public string W1DevicesPath { get; set; } = "/sys/bus/w1/devices";

    /// <summary>
    /// Opens an I2C device. Not configuration: the demo and tests put simulated chips here; on a Pi
    /// it is the kernel's <c>/dev/i2c-N</c> through <see cref="I2cDevice.Create"/>.
    /// </summary>
    public Func<I2cConnectionSettings, I2cDevice> OpenI2cDevice { get; set; } = I2cDevice.Create;
}
