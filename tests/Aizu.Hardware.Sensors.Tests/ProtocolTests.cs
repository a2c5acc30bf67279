namespace Aizu.Hardware.Sensors.Tests;

/// <summary>Checksums, the w1_slave format and the BME280 register model, against known values.</summary>
public sealed class ProtocolTests
{
    [Fact]
    public void SensirionCrc_MatchesTheDatasheetExample()
    {
        // Sensirion's datasheets give CRC(0xBEEF) = 0x92.
        Assert.Equal(0x92, SensirionCrc.Compute(0xBE, 0xEF));
        Assert.Equal(0x92, Simulators.Sensors.SensirionCrc.Compute(0xBEEF));
    }

    [Fact]
    public void W1Slave_AsTheKernelWritesIt_GivesTheScratchpadTemperature()
    {
        const string text = "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n";

        Assert.Equal(23.125, W1SlaveText.ParseCelsius(text));
    }

    [Fact]
    public void W1Slave_NegativeTemperature_IsSigned()
    {
        Span<byte> scratchpad = [0x5E, 0xFF, 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0];
        scratchpad[8] = W1SlaveText.DallasCrc(scratchpad[..8]);
        string bytes = string.Join(' ', scratchpad.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(-10.125, W1SlaveText.ParseCelsius($"{bytes} : crc={scratchpad[8]:x2} YES\n{bytes} t=-10125\n"));
    }

    [Theory]
    [InlineData("00 00 00 00 00 00 00 00 00 : crc=00 YES\n00 00 00 00 00 00 00 00 00 t=0\n", "Absent")]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 NO\n72 01 4b 46 7f ff 0e 10 57 t=23125\n", "Crc")]
    [InlineData("72 01 4b 46 7f ff 0e 10 58 : crc=58 YES\n72 01 4b 46 7f ff 0e 10 58 t=23125\n", "Crc")]
    [InlineData("", "Absent")]
    public void W1Slave_Unusable_IsRefused(string text, string fault)
    {
        var refused = Assert.Throws<SensorFaultException>(() => W1SlaveText.ParseCelsius(text));
        Assert.Equal(Enum.Parse<SensorFault>(fault), refused.Fault);
    }

    [Fact]
    public void W1Slave_PowerOnValue_IsRefused()
    {
        byte[] scratchpad = [0x50, 0x05, 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0];
        scratchpad[8] = W1SlaveText.DallasCrc(scratchpad.AsSpan(0, 8));
        string bytes = string.Join(' ', scratchpad.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        string text = $"{bytes} : crc={scratchpad[8]:x2} YES\n{bytes} t=85000\n";

        var refused = Assert.Throws<SensorFaultException>(() => W1SlaveText.ParseCelsius(text));

        Assert.Equal(SensorFault.NeverReady, refused.Fault);
    }

    [Fact]
    public void DallasCrc_OfTheSimulatorAndTheDriver_Agree()
    {
        byte[] data = [0x72, 0x01, 0x4B, 0x46, 0x7F, 0xFF, 0x0E, 0x10];
        Assert.Equal(0x57, W1SlaveText.DallasCrc(data));
        Assert.Equal(0x57, SimulatedDs18b20.DallasCrc(data));
    }

    [Theory]
    [InlineData(18.0, 35.0, 995.0)]
    [InlineData(21.37, 48.2, 1013.25)]
    [InlineData(25.9, 64.9, 1030.0)]
    [InlineData(-5.0, 80.0, 950.0)]
    public void Bme280Binding_OnTheSimulatedChip_RoundTripsTheRoom(double celsius, double humidity, double hectopascals)
    {
        var room = new FixedIndoorClimate(new IndoorConditions(celsius, humidity, hectopascals, 600));
        using var chip = new SimulatedBme280(new(1, 0x76), room, TimeProvider.System);
        using var bme = new Bme280(chip) { HumiditySampling = Sampling.Standard };

        var result = bme.Read();

        Assert.Equal(celsius, result.Temperature!.Value.DegreesCelsius, 0.01);
        Assert.Equal(humidity, result.Humidity!.Value.Percent, 0.05);
        Assert.Equal(hectopascals, result.Pressure!.Value.Hectopascals, 0.02);
        Assert.False(bme.ReadStatus().Measuring);
    }

    [Fact]
    public void Bme280Simulator_KeepsTheDatasheetExampleCalibration()
    {
        // Datasheet §3.12: adc_T 519888 with these words is 25.08 °C, adc_P 415148 is 100653 Pa.
        var calibration = Bme280Calibration.Typical;
        var (celsius, tFine) = calibration.Temperature(519888);

        Assert.Equal(25.08, celsius, 0.01);
        Assert.Equal(100653, calibration.Pressure(415148, tFine), 1.0);
    }

    [Fact]
    public void Bme280Simulator_SkippedOversampling_GivesTheNoMeasurementMarker()
    {
        var room = new FixedIndoorClimate(new IndoorConditions(22, 50, 1000, 600));
        using var chip = new SimulatedBme280(new(1, 0x76), room, TimeProvider.System);

        // ctrl_meas: temperature x1, pressure skipped, forced mode.
        chip.Write([0xF4, 0b001_000_01]);
        Span<byte> data = stackalloc byte[3];
        chip.WriteRead([0xF7], data);

        Assert.Equal([0x80, 0x00, 0x00], data.ToArray());
    }

    [Fact]
    public void IndoorDay_StaysInRange_AndCo2RisesWhenPeopleAreHome()
    {
        var climate = new IndoorDayClimate(new Random(1), TimeZoneInfo.Utc);
        var day = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var samples = Enumerable.Range(0, 144).Select(i => climate.At(day.AddMinutes(10 * i))).ToList();

        Assert.All(samples, s => Assert.InRange(s.TemperatureCelsius, 18, 26));
        Assert.All(samples, s => Assert.InRange(s.RelativeHumidityPercent, 35, 65));
        Assert.All(samples, s => Assert.InRange(s.Co2Ppm, 450, 1500));
        Assert.All(samples, s => Assert.InRange(s.PressureHectopascals, 990, 1030));
        Assert.True(climate.At(day.AddHours(21)).Co2Ppm > climate.At(day.AddHours(13)).Co2Ppm + 500, "the evening at home has far more CO2 than midday out");
        Assert.True(climate.At(day.AddHours(15)).TemperatureCelsius > climate.At(day.AddHours(4)).TemperatureCelsius + 2, "afternoon is warmer than night");
    }
}
