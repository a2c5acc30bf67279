namespace Aizu.Hardware.Display.Tests;

public sealed class DisplayConfigurationTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new DeviceDisplayOptionsValidator().Validate(null, new DeviceDisplayOptions()).Succeeded);

    [Theory]
    [InlineData("Height", 48, "Aizu:Display:Height")]
    [InlineData("Bus", -1, "Aizu:Display:Bus")]
    public void Validate_BadValue_NamesTheKey(string property, int value, string key)
    {
        var options = new DeviceDisplayOptions();
        typeof(DeviceDisplayOptions).GetProperty(property)!.SetValue(options, value);

        var result = new DeviceDisplayOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadAddress_ShowsTheUsualOne()
    {
        var options = new DeviceDisplayOptions { Kind = DisplayKind.Hd44780, Address = "0x99" };

        var result = new DeviceDisplayOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Aizu:Display:Address", StringComparison.Ordinal) && f.Contains("0x27", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GpioWiringForTheOled_NamesWiring()
    {
        var result = new DeviceDisplayOptionsValidator().Validate(null, new DeviceDisplayOptions { Wiring = DisplayWiring.Gpio });

        Assert.Contains(result.Failures!, f => f.StartsWith("Aizu:Display:Wiring", StringComparison.Ordinal) && f.Contains("Hd44780", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GpioLcd_DefaultsSucceed() =>
        Assert.True(new DeviceDisplayOptionsValidator().Validate(null, new DeviceDisplayOptions { Kind = DisplayKind.Hd44780, Wiring = DisplayWiring.Gpio, LcdModel = LcdModel.Lcd2004 }).Succeeded);

    [Fact]
    public void Validate_GpioLcd_SharedPin_NamesBothKeys()
    {
        var options = new DeviceDisplayOptions { Kind = DisplayKind.Hd44780, Wiring = DisplayWiring.Gpio, D6Pin = 25 };

        var result = new DeviceDisplayOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Aizu:Display:D6Pin uses GPIO 25", failure, StringComparison.Ordinal);
        Assert.Contains("Aizu:Display:RsPin", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EnablePin", 28)]
    [InlineData("D4Pin", -1)]
    [InlineData("BacklightPin", 40)]
    [InlineData("GpioChip", -1)]
    public void Validate_GpioLcd_BadPin_NamesTheKey(string property, int value)
    {
        var options = new DeviceDisplayOptions { Kind = DisplayKind.Hd44780, Wiring = DisplayWiring.Gpio };
        typeof(DeviceDisplayOptions).GetProperty(property)!.SetValue(options, value);

        var result = new DeviceDisplayOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Aizu:Display:" + property, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UndefinedModel_NamesLcdModel()
    {
        var result = new DeviceDisplayOptionsValidator().Validate(null, new DeviceDisplayOptions { Kind = DisplayKind.Hd44780, LcdModel = (LcdModel)7 });

        Assert.Contains(result.Failures!, f => f.StartsWith("Aizu:Display:LcdModel", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_GpioLcdSection()
    {
        using var display = Registered(new Dictionary<string, string?>
        {
            ["Aizu:Display:Kind"] = "Hd44780",
            ["Aizu:Display:Wiring"] = "Gpio",
            ["Aizu:Display:LcdModel"] = "Lcd2004",
            ["Aizu:Display:RsPin"] = "26",
            ["Aizu:Display:D7Pin"] = "21",
            ["Aizu:Display:BacklightPin"] = "12",
        });

        var options = display.BoundOptions<DeviceDisplayOptions>();

        Assert.Equal(DisplayWiring.Gpio, options.Wiring);
        Assert.Equal(LcdModel.Lcd2004, options.LcdModel);
        Assert.Equal([23, 22, 27, 21], options.DataPins);
        Assert.Equal((26, 24, 12), (options.RsPin, options.EnablePin, options.BacklightPin));
    }

    [Fact]
    public void AddDeviceDisplay_BindsTheSection_AndSharesTheState()
    {
        using var display = Registered(new Dictionary<string, string?>
        {
            ["Aizu:Display:Kind"] = "Hd44780",
            ["Aizu:Display:Address"] = "0x3F",
            ["Aizu:Display:RefreshInterval"] = "00:00:05",
        });

        var options = display.BoundOptions<DeviceDisplayOptions>();
        var state = display.Provider.GetRequiredService<DisplayState>();
        state.SetAlert(true);
        state.Offer(new Reading(SeriesNames.ElectricImportEnergy, DateTimeOffset.UtcNow, 1, Units.KilowattHour));

        Assert.Equal(DisplayKind.Hd44780, options.Kind);
        Assert.Equal("0x3F", options.Address);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RefreshInterval);
        Assert.True(display.Provider.GetRequiredService<IDisplayState>().AlertActive);
        Assert.Null(display.Provider.GetRequiredService<IDisplayState>().LatestPower);
        Assert.Contains(display.Provider.GetServices<IHostedService>(), s => s is DeviceDisplay);
    }

    [Fact]
    public async Task AddDeviceDisplay_InvalidSection_StopsStartUp()
    {
        var failure = await RegisteredComponent.StartUpRefusalAsync(
            new Dictionary<string, string?> { ["Aizu:Display:Height"] = "40" },
            DeviceDisplayOptions.SectionName,
            (services, section) => services.AddDeviceDisplay(section));

        Assert.Contains(failure.Failures, f => f.StartsWith("Aizu:Display:Height", StringComparison.Ordinal));
    }

    /// <summary>A container with the display registered from <paramref name="settings"/> as the gateway registers it.</summary>
    private static RegisteredComponent Registered(Dictionary<string, string?> settings) =>
        RegisteredComponent.From(settings, DeviceDisplayOptions.SectionName, (services, section) => services.AddDeviceDisplay(section));
}
