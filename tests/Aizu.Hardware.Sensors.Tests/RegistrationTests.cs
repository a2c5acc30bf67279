using Aizu.Readings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Sensors.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddIndoorSensors_BindsTheSection_AndRegistersTheSource()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Aizu:IndoorSensors:PollInterval"] = "00:01:00",
            ["Aizu:IndoorSensors:Sensors:0:Kind"] = "Bme280",
            ["Aizu:IndoorSensors:Sensors:0:Address"] = "0x77",
            ["Aizu:IndoorSensors:Sensors:0:Room"] = "living",
            ["Aizu:IndoorSensors:Sensors:1:Kind"] = "scd4x",
            ["Aizu:IndoorSensors:Sensors:1:Room"] = "living",
            ["Aizu:IndoorSensors:Sensors:1:Quantities:0"] = "Co2",
        });

        var options = provider.GetRequiredService<IOptions<IndoorSensorOptions>>().Value;
        var source = Assert.Single(provider.GetServices<IReadingSource>());

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
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:IndoorSensors:Sensors:0:Kind"] = "Sht3x",
            ["Aizu:IndoorSensors:Sensors:0:Room"] = "Bed Room",
        });
        builder.Services.AddIndoorSensors(builder.Configuration.GetSection(IndoorSensorOptions.SectionName));
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, f => f.StartsWith("Aizu:IndoorSensors:Sensors:0:Room", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIndoorSensors(configuration.GetSection(IndoorSensorOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
