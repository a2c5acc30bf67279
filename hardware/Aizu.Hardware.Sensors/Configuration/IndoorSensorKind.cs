namespace Aizu.Hardware.Sensors;

/// <summary>The sensor chips the indoor sensor source can read.</summary>
public enum IndoorSensorKind
{
    /// <summary>Bosch BME280 on I2C (0x76 or 0x77): temperature, humidity, pressure.</summary>
    Bme280 = 0,

    /// <summary>Sensirion SHT30/31/35 on I2C (0x44 or 0x45): temperature, humidity.</summary>
    Sht3x = 1,

    /// <summary>Sensirion SCD40/41 on I2C (0x62): CO2, temperature, humidity.</summary>
    Scd4x = 2,

    /// <summary>Maxim DS18B20 on 1-wire, read through the kernel's w1-therm sysfs files: temperature.</summary>
    Ds18b20 = 3,
}
