namespace Aizu.Hardware.Sensors;

/// <summary>
/// Reads what the kernel's w1-therm driver writes to <c>w1_slave</c>: the nine scratchpad bytes with
/// its CRC verdict, then the same bytes with <c>t=</c> in m°C. Everything the chip can get wrong is
/// refused here rather than turned into a temperature.
/// </summary>
internal static class W1SlaveText
{
    /// <summary>The temperature in °C, or a <see cref="SensorFaultException"/> saying why there is none.</summary>
    public static double ParseCelsius(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2 || !lines[0].Contains("crc=", StringComparison.Ordinal))
        {
            throw new SensorFaultException(SensorFault.Absent, $"w1_slave has no scratchpad (\"{text.Trim()}\")");
        }

        Span<byte> scratchpad = stackalloc byte[9];
        var hex = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (hex.Length < 9)
        {
            throw new SensorFaultException(SensorFault.Absent, $"w1_slave scratchpad is short (\"{lines[0]}\")");
        }

        for (int i = 0; i < 9; i++)
        {
            if (!byte.TryParse(hex[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out scratchpad[i]))
            {
                throw new SensorFaultException(SensorFault.Absent, $"w1_slave scratchpad is not hex (\"{lines[0]}\")");
            }
        }

        if (!lines[0].EndsWith("YES", StringComparison.Ordinal) || DallasCrc(scratchpad[..8]) != scratchpad[8])
        {
            throw new SensorFaultException(SensorFault.Crc, $"the scratchpad failed its CRC (\"{lines[0]}\")");
        }

        // A sensor with a broken data line reads all zeros, which happens to pass the CRC.
        if (!scratchpad.ContainsAnyExcept((byte)0))
        {
            throw new SensorFaultException(SensorFault.Absent, "the scratchpad is all zeros: the data line or pull-up is broken");
        }

        short raw = (short)(scratchpad[0] | (scratchpad[1] << 8));
        if (raw == 0x0550 && scratchpad[6] == 0x0C)
        {
            // 85 °C with the power-on reserved byte: no conversion ran (often too weak parasite power).
            throw new SensorFaultException(SensorFault.NeverReady, "the scratchpad holds the 85 °C power-on value: no conversion ran");
        }

        // The raw count is 1/16 °C; the kernel's t= truncates it to whole m°C, so the bytes are better.
        return raw / 16.0;
    }

    /// <summary>Reads the <c>temperature</c> file of newer kernels (m°C, the CRC already checked by the kernel).</summary>
    public static double ParseTemperatureFile(string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int milli))
        {
            throw new SensorFaultException(SensorFault.Absent, $"temperature file is not a number (\"{text.Trim()}\")");
        }

        if (milli == 85_000)
        {
            throw new SensorFaultException(SensorFault.NeverReady, "the sensor reports its 85 °C power-on value: no conversion ran");
        }

        return milli / 1000.0;
    }

    /// <summary>Dallas/Maxim 1-wire CRC-8 (x^8 + x^5 + x^4 + 1, least significant bit first).</summary>
    public static byte DallasCrc(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (byte value in data)
        {
            crc ^= value;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x01) != 0 ? (byte)((crc >> 1) ^ 0x8C) : (byte)(crc >> 1);
            }
        }

        return crc;
    }
}
