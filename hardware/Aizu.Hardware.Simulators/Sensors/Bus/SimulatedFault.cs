namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>A fault a simulated sensor can be switched into, so drivers can be tested against it.</summary>
public enum SimulatedFault
{
    /// <summary>The chip works.</summary>
    None = 0,

    /// <summary>The chip does not acknowledge its address: every transfer fails with an <see cref="IOException"/>, as Linux reports EREMOTEIO.</summary>
    Nack = 1,

    /// <summary>The chip answers but the CRC byte of every data word is wrong (Sensirion chips; the DS18B20 reports <c>crc=… NO</c>).</summary>
    BadCrc = 2,

    /// <summary>The chip answers but never finishes a measurement (BME280 stays "measuring", SCD4x never reports data ready, DS18B20 shows its 85 °C power-on value).</summary>
    NeverReady = 3,

    /// <summary>A device holds SDA low: every transfer blocks until the fault is cleared, as on a bus without a kernel time-out.</summary>
    HoldBus = 4,
}
