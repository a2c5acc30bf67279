namespace Aizu.Hardware.Sensors.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddIndoorSensors_BindsTheSection_AndRegistersTheSource()
    {
        using var sensors = Registered(new Dictionary<string, string?>
        {
            ["Aizu:IndoorSensors:PollInterval"] = "00:01:00",
            ["Aizu:IndoorSensors:Sensors:0:Kind"] = "Bme280",
            ["Aizu:IndoorSensors:Sensors:0:Address"] = "0x77",
            ["Aizu:IndoorSensors:Sensors:0:Room"] = "living",
            ["Aizu:IndoorSensors:Sensors:1:Kind"] = "scd4x",
            ["Aizu:IndoorSensors:Sensors:1:Room"] = "living",
            ["Aizu:IndoorSensors:Sensors:1:Quantities:0"] = "Co2",
        });

        var options = sensors.BoundOptions<IndoorSensorOptions>();
        var source = Assert.Single(sensors.Provider.GetServices<IReadingSource>());

        Assert.Equal("indoor", source.Name);
        Assert.Equal(TimeSpan.FromMinutes(1), options.PollInterval);
        Assert.Equal(2, options.Sensors.Count);
        Assert.Equal(IndoorSensorKind.Scd4x, options.Sensors[1].Kind);
        Assert.Equal([IndoorQuantity.Co2], options.Sensors[1].Quantities);
        Assert.NotNull(options.OpenI2cDevice);
    }

    [Fact]
    public async Task AddIndoorSensors_InvalidSection_StopsStartUpNamingTheKey()
    {
        var failure = await RegisteredComponent.StartUpRefusalAsync(
            new Dictionary<string, string?>
            {
                ["Aizu:IndoorSensors:Sensors:0:Kind"] = "Sht3x",
                ["Aizu:IndoorSensors:Sensors:0:Room"] = "Bed Room",
            },
            IndoorSensorOptions.SectionName,
            (services, section) => services.AddIndoorSensors(section));

        Assert.Contains(failure.Failures, f => f.StartsWith("Aizu:IndoorSensors:Sensors:0:Room", StringComparison.Ordinal));
    }

    private static RegisteredComponent Registered(Dictionary<string, string?> settings) =>
        RegisteredComponent.From(settings, IndoorSensorOptions.SectionName, (services, section) => services.AddIndoorSensors(section));
}
