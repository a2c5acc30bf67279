using System.Device.Gpio;
using Aizu.Readings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Pulse.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new PulseMeterOptionsValidator().Validate(null, new PulseMeterOptions()).Succeeded);
    }

    [Fact]
    public void EachProblem_NamesItsKey()
    {
        var result = new PulseMeterOptionsValidator().Validate(null, new PulseMeterOptions
        {
            Pin = 99,
            PulsesPerKilowattHour = 0,
            DebounceTime = TimeSpan.FromMilliseconds(40),
            RegisterOffset = -1,
            CountFilePath = "",
            SaveInterval = TimeSpan.Zero,
        });

        foreach (var key in new[] { "Pin", "PulsesPerKilowattHour", "DebounceTime", "RegisterOffset", "CountFilePath", "SaveInterval" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith("Aizu:Pulse:" + key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AddPulseMeter_UsesAnInjectedGpioDriver_AndRefusesBadConfigurationNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Aizu:Pulse:PulsesPerKilowattHour"] = "0" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Func<GpioDriver> injected = () => throw new InvalidOperationException("not opened in this test");
        services.AddSingleton(injected);
        services.AddPulseMeter(configuration.GetSection(PulseMeterOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IReadingSource));
        Assert.Same(injected, provider.GetRequiredService<Func<GpioDriver>>());
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PulseMeterOptions>>().Value);
        Assert.Contains("Aizu:Pulse:PulsesPerKilowattHour", ex.Message, StringComparison.Ordinal);
    }
}
