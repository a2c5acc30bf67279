namespace Aizu.Hardware.Dsmr.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new DsmrOptionsValidator().Validate(null, new DsmrOptions()).Succeeded);
    }

    [Fact]
    public void EachProblem_NamesItsKey()
    {
        var result = new DsmrOptionsValidator().Validate(null, new DsmrOptions
        {
            DevicePath = " ",
            Protocol = (DsmrProtocol)42,
            PowerInterval = TimeSpan.Zero,
            EnergyInterval = TimeSpan.FromSeconds(-1),
            MaxRetryDelay = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        foreach (var key in new[] { "DevicePath", "Protocol", "PowerInterval", "EnergyInterval", "MaxRetryDelay" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith("Aizu:Dsmr:" + key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void SilenceTimeoutShorterThanTheTelegramInterval_IsRejected()
    {
        var result = new DsmrOptionsValidator().Validate(null, new DsmrOptions { Protocol = DsmrProtocol.Dsmr4, SilenceTimeout = TimeSpan.FromSeconds(5) });

        Assert.Contains(result.Failures!, f => f.StartsWith("Aizu:Dsmr:SilenceTimeout", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DsmrProtocol.Dsmr5, 115200, 8, SerialParity.None)]
    [InlineData(DsmrProtocol.Dsmr4, 115200, 8, SerialParity.None)]
    [InlineData(DsmrProtocol.EMucs, 115200, 8, SerialParity.None)]
    [InlineData(DsmrProtocol.Dsmr22, 9600, 7, SerialParity.Even)]
    public void Protocol_SelectsTheP1LineSettings(DsmrProtocol protocol, int baud, int dataBits, SerialParity parity)
    {
        Assert.Equal(new SerialSettings(baud, dataBits, parity), DsmrLine.Settings(protocol));
    }

    [Fact]
    public void AddDsmrMeter_RegistersTheDriver_AndRefusesBadConfigurationNamingTheKey()
    {
        using var meter = RegisteredComponent.From(
            new Dictionary<string, string?> { ["Aizu:Dsmr:DevicePath"] = "", ["Aizu:Dsmr:Protocol"] = "Dsmr4" },
            DsmrOptions.SectionName,
            (services, section) => services.AddDsmrMeter(section));

        Assert.Single(meter.Services, d => d.ServiceType == typeof(IReadingSource));
        Assert.Contains("Aizu:Dsmr:DevicePath", meter.Refusal<DsmrOptions>().Message, StringComparison.Ordinal);
    }
}
