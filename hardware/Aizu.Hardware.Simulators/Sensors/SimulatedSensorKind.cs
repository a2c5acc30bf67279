namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>The sensor chips the indoor simulation can put on its buses.</summary>
public enum SimulatedSensorKind
{
    /// <summary>Bosch BME280: temperature, humidity, pressure (I2C).</summary>
    Bme280 = 0,

    /// <summary>Sensirion SHT3x: temperature, humidity (I2C).</summary>
    Sht3x = 1,

    /// <summary>Sensirion SCD4x: CO2, temperature, humidity (I2C).</summary>
    Scd4x = 2,

    /// <summary>Maxim DS18B20: temperature (1-wire, through sysfs).</summary>
    Ds18b20 = 3,
}
