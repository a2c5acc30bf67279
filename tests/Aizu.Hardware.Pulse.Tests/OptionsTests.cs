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
        Func<GpioDriver> injected = () => throw new InvalidOperationException("not opened in this test");
        using var meter = RegisteredComponent.From(
            new Dictionary<string, string?> { ["Aizu:Pulse:PulsesPerKilowattHour"] = "0" },
            PulseMeterOptions.SectionName,
            (services, section) => services.AddSingleton(injected).AddPulseMeter(section));

        Assert.Single(meter.Services, d => d.ServiceType == typeof(IReadingSource));
        Assert.Same(injected, meter.Provider.GetRequiredService<Func<GpioDriver>>());
        Assert.Contains("Aizu:Pulse:PulsesPerKilowattHour", meter.Refusal<PulseMeterOptions>().Message, StringComparison.Ordinal);
    }
}
