namespace Aizu.Hardware.Sensors.Tests;

public sealed class IndoorSensorOptionsValidatorTests
{
    [Fact]
    public void Validate_TypicalSetup_Succeeds() =>
        Assert.True(new IndoorSensorOptionsValidator().Validate(null, Valid()).Succeeded);

    [Theory]
    [InlineData("Living Room", "Aizu:IndoorSensors:Sensors:0:Room")]
    [InlineData("", "Aizu:IndoorSensors:Sensors:0:Room")]
    [InlineData("2nd-floor", "Aizu:IndoorSensors:Sensors:0:Room")]
    public void Validate_BadRoom_NamesTheKey(string room, string key)
    {
        var options = Valid();
        options.Sensors[0].Room = room;

        Assert.Contains(Failures(options), f => f.StartsWith(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0x80")]
    [InlineData("0x01")]
    [InlineData("seventy")]
    public void Validate_BadI2cAddress_NamesTheKey(string address)
    {
        var options = Valid();
        options.Sensors[0].Address = address;

        Assert.Contains(Failures(options), f => f.StartsWith("Aizu:IndoorSensors:Sensors:0:Address", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TwoChipsAtOneAddress_IsRejected()
    {
        var options = Valid();
        options.Sensors.Add(new IndoorSensorDefinition { Kind = IndoorSensorKind.Bme280, Address = "118", Room = "kitchen" });

        Assert.Contains(Failures(options), f => f.StartsWith("Aizu:IndoorSensors:Sensors:4:Address 0x76 on bus 1 is already used by Aizu:IndoorSensors:Sensors:0", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TwoSensorsPublishingOneSeries_AskForQuantities()
    {
        var options = Valid();
        options.Sensors[1].Quantities.Clear();

        var failures = Failures(options);

        Assert.Contains(failures, f => f.Contains("indoor.living.temperature", StringComparison.Ordinal) && f.Contains("set Quantities", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_QuantityTheChipDoesNotMeasure_IsRejected()
    {
        var options = Valid();
        options.Sensors[2].Quantities.Add(IndoorQuantity.Co2);

        Assert.Contains(Failures(options), f => f.StartsWith("Aizu:IndoorSensors:Sensors:2:Quantities lists Co2", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadDs18b20Id_ShowsAnExample()
    {
        var options = Valid();
        options.Sensors[3].Address = "0x28";

        Assert.Contains(Failures(options), f => f.StartsWith("Aizu:IndoorSensors:Sensors:3:Address", StringComparison.Ordinal) && f.Contains("28-0316a2796cff", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShortTimeoutWithAnScd4x_IsRejected()
    {
        var options = Valid();
        options.ReadTimeout = TimeSpan.FromSeconds(2);

        Assert.Contains(Failures(options), f => f.StartsWith("Aizu:IndoorSensors:ReadTimeout", StringComparison.Ordinal) && f.Contains("SCD4x", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoSensors_ShowsAnExample()
    {
        var failures = Failures(new IndoorSensorOptions());

        Assert.Contains(failures, f => f.StartsWith("Aizu:IndoorSensors:Sensors is empty", StringComparison.Ordinal) && f.Contains("\"Kind\": \"Bme280\"", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Failures(IndoorSensorOptions options)
    {
        var result = new IndoorSensorOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        return [.. result.Failures!];
    }

    private static IndoorSensorOptions Valid()
    {
        var options = new IndoorSensorOptions();
        options.Sensors.Add(new IndoorSensorDefinition { Kind = IndoorSensorKind.Bme280, Address = "0x76", Room = "living" });
        var scd = new IndoorSensorDefinition { Kind = IndoorSensorKind.Scd4x, Room = "living" };
        scd.Quantities.Add(IndoorQuantity.Co2);
        options.Sensors.Add(scd);
        options.Sensors.Add(new IndoorSensorDefinition { Kind = IndoorSensorKind.Sht3x, Address = "0x44", Room = "bedroom" });
        options.Sensors.Add(new IndoorSensorDefinition { Kind = IndoorSensorKind.Ds18b20, Address = "28-0316a2796cff", Room = "hallway" });
        return options;
    }
}
