namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// The trimming parameters a BME280 carries in NVM, and the datasheet's floating-point compensation
/// run forwards (raw → value) and backwards (value → raw) so the simulator can put into its ADC
/// registers exactly what a real chip would measure for a room.
/// </summary>
public sealed record Bme280Calibration
{
    /// <summary>
    /// Temperature and pressure words from the Bosch datasheet's worked example (BMP280 §3.12, the
    /// same compensation as the BME280); humidity words as read from a BME280 breakout.
    /// </summary>
    public static Bme280Calibration Typical { get; } = new()
    {
        T1 = 27504, T2 = 26435, T3 = -1000,
        P1 = 36477, P2 = -10685, P3 = 3024, P4 = 2855, P5 = 140, P6 = -7, P7 = 15500, P8 = -14600, P9 = 6000,
        H1 = 75, H2 = 362, H3 = 0, H4 = 313, H5 = 50, H6 = 30,
    };

#pragma warning disable CS1591 // The names are the datasheet's dig_T1 … dig_H6.
    public ushort T1 { get; init; }
    public short T2 { get; init; }
    public short T3 { get; init; }
    public ushort P1 { get; init; }
    public short P2 { get; init; }
    public short P3 { get; init; }
    public short P4 { get; init; }
    public short P5 { get; init; }
    public short P6 { get; init; }
    public short P7 { get; init; }
    public short P8 { get; init; }
    public short P9 { get; init; }
    public byte H1 { get; init; }
    public short H2 { get; init; }
    public byte H3 { get; init; }
    public short H4 { get; init; }
    public short H5 { get; init; }
    public sbyte H6 { get; init; }
#pragma warning restore CS1591

    /// <summary>Writes the words into a register file at 0x88–0xA1 and 0xE1–0xE7, packed as the chip packs them.</summary>
    public void WriteTo(Span<byte> registers)
    {
        WriteLittleEndian(registers, 0x88, T1);
        WriteLittleEndian(registers, 0x8A, (ushort)T2);
        WriteLittleEndian(registers, 0x8C, (ushort)T3);
        WriteLittleEndian(registers, 0x8E, P1);
        WriteLittleEndian(registers, 0x90, (ushort)P2);
        WriteLittleEndian(registers, 0x92, (ushort)P3);
        WriteLittleEndian(registers, 0x94, (ushort)P4);
        WriteLittleEndian(registers, 0x96, (ushort)P5);
        WriteLittleEndian(registers, 0x98, (ushort)P6);
        WriteLittleEndian(registers, 0x9A, (ushort)P7);
        WriteLittleEndian(registers, 0x9C, (ushort)P8);
        WriteLittleEndian(registers, 0x9E, (ushort)P9);
        registers[0xA1] = H1;
        WriteLittleEndian(registers, 0xE1, (ushort)H2);
        registers[0xE3] = H3;

        // dig_H4 and dig_H5 are 12-bit values sharing the nibbles of 0xE5.
        registers[0xE4] = (byte)(H4 >> 4);
        registers[0xE5] = (byte)((H4 & 0x0F) | ((H5 & 0x0F) << 4));
        registers[0xE6] = (byte)(H5 >> 4);
        registers[0xE7] = (byte)H6;
    }

    /// <summary>Compensated temperature (°C) and t_fine for a raw 20-bit temperature.</summary>
    public (double Celsius, double TFine) Temperature(int adc)
    {
        double var1 = ((adc / 16384.0) - (T1 / 1024.0)) * T2;
        double var2 = (adc / 131072.0) - (T1 / 8192.0);
        var2 = var2 * var2 * T3;
        double tFine = var1 + var2;
        return (tFine / 5120.0, tFine);
    }

    /// <summary>Compensated pressure (Pa) for a raw 20-bit pressure at <paramref name="tFine"/>.</summary>
    public double Pressure(int adc, double tFine)
    {
        double var1 = (tFine / 2.0) - 64000.0;
        double var2 = var1 * var1 * P6 / 32768.0;
        var2 += var1 * P5 * 2.0;
        var2 = (var2 / 4.0) + (P4 * 65536.0);
        var1 = ((P3 * var1 * var1 / 524288.0) + (P2 * var1)) / 524288.0;
        var1 = (1.0 + (var1 / 32768.0)) * P1;
        if (var1 == 0)
        {
            return 0;
        }

        double p = 1048576.0 - adc;
        p = (p - (var2 / 4096.0)) * 6250.0 / var1;
        var1 = P9 * p * p / 2147483648.0;
        var2 = p * P8 / 32768.0;
        return p + ((var1 + var2 + P7) / 16.0);
    }

    /// <summary>Compensated relative humidity (%) for a raw 16-bit humidity at <paramref name="tFine"/>.</summary>
    public double Humidity(int adc, double tFine)
    {
        double h = tFine - 76800.0;
        h = (adc - ((H4 * 64.0) + (H5 / 16384.0 * h)))
            * (H2 / 65536.0 * (1.0 + (H6 / 67108864.0 * h * (1.0 + (H3 / 67108864.0 * h)))));
        h *= 1.0 - (H1 * h / 524288.0);
        return Math.Clamp(h, 0, 100);
    }

    /// <summary>The raw temperature that compensates closest to <paramref name="celsius"/>.</summary>
    public int RawTemperature(double celsius) => Invert(0, (1 << 20) - 1, raw => Temperature(raw).Celsius, celsius);

    /// <summary>The raw pressure that compensates closest to <paramref name="pascals"/> at <paramref name="tFine"/>.</summary>
    public int RawPressure(double pascals, double tFine) =>
        // Pressure falls as the raw value rises, so search on the negated value.
        Invert(0, (1 << 20) - 1, raw => -Pressure(raw, tFine), -pascals);

    /// <summary>The raw humidity that compensates closest to <paramref name="percent"/> at <paramref name="tFine"/>.</summary>
    public int RawHumidity(double percent, double tFine) => Invert(0, ushort.MaxValue, raw => Humidity(raw, tFine), percent);

    private static int Invert(int low, int high, Func<int, double> forward, double target)
    {
        // The compensation is monotonic over the chip's range: bisect for the closest raw value.
        while (low < high)
        {
            int mid = low + ((high - low) / 2);
            if (forward(mid) < target)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low > 0 && Math.Abs(forward(low - 1) - target) < Math.Abs(forward(low) - target) ? low - 1 : low;
    }

    private static void WriteLittleEndian(Span<byte> registers, int address, ushort value)
    {
        registers[address] = (byte)value;
        registers[address + 1] = (byte)(value >> 8);
    }
}
