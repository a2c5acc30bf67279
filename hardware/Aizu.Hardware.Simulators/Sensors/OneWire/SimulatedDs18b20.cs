namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// One DS18B20 as the Linux w1-therm driver shows it: a folder named after its ROM id holding
/// <c>w1_slave</c> (the nine scratchpad bytes, the kernel's CRC verdict and <c>t=</c> in m°C) and
/// <c>temperature</c> (m°C only, newer kernels).
/// </summary>
public sealed class SimulatedDs18b20
{
    private readonly IIndoorClimate _climate;

    internal SimulatedDs18b20(string id, IIndoorClimate climate)
    {
        Id = id;
        _climate = climate;
    }

    /// <summary>The device id, e.g. <c>28-0316a2796cff</c>.</summary>
    public string Id { get; }

    /// <summary>
    /// The fault: <see cref="SimulatedFault.Nack"/> removes the device from the tree (unplugged),
    /// <see cref="SimulatedFault.BadCrc"/> makes the kernel report <c>crc=… NO</c>, and
    /// <see cref="SimulatedFault.NeverReady"/> shows the 85 °C power-on value of a conversion that never ran.
    /// </summary>
    public SimulatedFault Fault { get; set; }

    /// <summary>What the sensor last measured (before quantisation), or <see langword="null"/> before the first refresh.</summary>
    public IndoorConditions? LastMeasured { get; private set; }

    /// <summary>Dallas/Maxim CRC-8 (polynomial x^8+x^5+x^4+1, reflected) over <paramref name="data"/>.</summary>
    public static byte DallasCrc(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (byte value in data)
        {
            byte b = value;
            for (int bit = 0; bit < 8; bit++)
            {
                bool mix = ((crc ^ b) & 0x01) != 0;
                crc >>= 1;
                if (mix)
                {
                    crc ^= 0x8C;
                }

                b >>= 1;
            }
        }

        return crc;
    }

    /// <summary>The two files' contents for the current conditions, or <see langword="null"/> when the device is unplugged.</summary>
    internal (string W1Slave, string Temperature)? Render(DateTimeOffset now)
    {
        if (Fault is SimulatedFault.Nack or SimulatedFault.HoldBus)
        {
            return null;
        }

        short raw;
        if (Fault == SimulatedFault.NeverReady)
        {
            // The scratchpad's power-on value: 0x0550 = 85 °C.
            raw = 0x0550;
        }
        else
        {
            var conditions = _climate.At(now);
            LastMeasured = conditions;

            // 12-bit resolution: 1/16 °C per step.
            raw = (short)Math.Round(conditions.TemperatureCelsius * 16);
        }

        Span<byte> scratchpad = [(byte)raw, (byte)(raw >> 8), 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0];
        scratchpad[8] = DallasCrc(scratchpad[..8]);
        if (Fault == SimulatedFault.BadCrc)
        {
            scratchpad[3] ^= 0x21;
        }

        bool crcOk = DallasCrc(scratchpad[..8]) == scratchpad[8];
        string bytes = string.Join(' ', scratchpad.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

        // The kernel divides the 1/16 °C count into m°C with integer arithmetic.
        int milli = raw * 1000 / 16;
        var w1Slave = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{bytes} : crc={scratchpad[8]:x2} {(crcOk ? "YES" : "NO")}\n")
            .Append(CultureInfo.InvariantCulture, $"{bytes} t={milli}\n")
            .ToString();
        return (w1Slave, string.Create(CultureInfo.InvariantCulture, $"{milli}\n"));
    }
}
