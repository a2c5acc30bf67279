using Aizu.Hardware.Serial.Tty;
using Aizu.Readings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Aizu:Dsmr:DevicePath"] = "", ["Aizu:Dsmr:Protocol"] = "Dsmr4" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddDsmrMeter(configuration.GetSection(DsmrOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IReadingSource));
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DsmrOptions>>().Value);
        Assert.Contains("Aizu:Dsmr:DevicePath", ex.Message, StringComparison.Ordinal);
    }
}
