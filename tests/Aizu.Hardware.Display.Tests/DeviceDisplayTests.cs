namespace Aizu.Hardware.Display.Tests;

/// <summary>The real display service and bindings against simulated screens; assertions are about what a person sees.</summary>
public sealed class DeviceDisplayTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 19, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void Oled_ShowsThePowerInLargeDigits(int height)
    {
        var screen = new SimulatedSsd1306(new I2cConnectionSettings(1, 0x3C), height);
        var (display, state, _) = Create(DisplayKind.Ssd1306, screen, height);
        state.Offer(new Reading(SeriesNames.ElectricPower, Now.AddSeconds(-3), 532.4, Units.Watt));

        Assert.True(display.Refresh());

        Assert.True(screen.IsLit);
        Assert.True(ScreenReader.Shows(screen, "532 W", scale: 2), screen.RenderAscii());
        Assert.True(ScreenReader.Shows(screen, "POWER", scale: 1), screen.RenderAscii());
        Assert.False(ScreenReader.Shows(screen, "ALERT", scale: 1, inverted: true), screen.RenderAscii());
        Assert.Equal(0, ScreenReader.LitPixels(screen, 94, 0, 34, 9));
    }

    [Fact]
    public void Oled_Alert_ShowsALitAlertTab()
    {
        var screen = new SimulatedSsd1306(new I2cConnectionSettings(1, 0x3C));
        var (display, state, _) = Create(DisplayKind.Ssd1306, screen);
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 4210, Units.Watt));
        state.SetAlert(true);

        display.Refresh();

        Assert.True(ScreenReader.Shows(screen, "4210 W", scale: 2), screen.RenderAscii());
        Assert.True(ScreenReader.Shows(screen, "ALERT", scale: 1, inverted: true), screen.RenderAscii());
        Assert.True(ScreenReader.LitPixels(screen, 94, 0, 34, 9) > 34 * 9 / 2, "the tab is a mostly lit box");

        state.SetAlert(false);
        display.Refresh();

        Assert.False(ScreenReader.Shows(screen, "ALERT", scale: 1, inverted: true), screen.RenderAscii());
    }

    [Fact]
    public void Oled_NoReadingOrAnOldOne_ShowsDashesNotAStaleNumber()
    {
        var screen = new SimulatedSsd1306(new I2cConnectionSettings(1, 0x3C));
        var (display, state, _) = Create(DisplayKind.Ssd1306, screen);

        display.Refresh();
        Assert.True(ScreenReader.Shows(screen, "-- W", scale: 2), screen.RenderAscii());

        state.Offer(new Reading(SeriesNames.ElectricPower, Now.AddMinutes(-5), 532, Units.Watt));
        display.Refresh();

        Assert.True(ScreenReader.Shows(screen, "-- W", scale: 2), screen.RenderAscii());
        Assert.False(ScreenReader.Shows(screen, "532 W", scale: 2));
    }

    [Fact]
    public void Lcd_ShowsPowerOnTheFirstLine_AndTheAlertOnTheSecond()
    {
        var lcd = new SimulatedHd44780Backpack(new I2cConnectionSettings(1, 0x27));
        var (display, state, _) = Create(DisplayKind.Hd44780, lcd);
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 532, Units.Watt));

        display.Refresh();

        Assert.True(lcd.DisplayOn);
        Assert.True(lcd.BacklightOn);
        Assert.Equal("Power      532 W", lcd.Line(0));
        Assert.Equal(new string(' ', 16), lcd.Line(1));

        state.SetAlert(true);
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, -1234, Units.Watt));
        display.Refresh();

        Assert.Equal("Power    -1234 W", lcd.Line(0));
        Assert.Equal("! ALERT         ", lcd.Line(1));
    }

    [Fact]
    public void ScreenThatDoesNotAnswer_IsLoggedOnce_AndRecovers()
    {
        var screen = new SimulatedSsd1306(new I2cConnectionSettings(1, 0x3C)) { Fault = SimulatedFault.Nack };
        var (display, state, log) = Create(DisplayKind.Ssd1306, screen);
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 532, Units.Watt));

        Assert.False(display.Refresh());
        Assert.False(display.Refresh());
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("did not answer", StringComparison.Ordinal));

        screen.Fault = SimulatedFault.None;
        Assert.True(display.Refresh());

        Assert.True(ScreenReader.Shows(screen, "532 W", scale: 2), screen.RenderAscii());
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answering again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_RedrawsEveryRefreshInterval()
    {
        var screen = new SimulatedSsd1306(new I2cConnectionSettings(1, 0x3C));
        var time = new FakeTimeProvider(Now);
        var (display, state, _) = Create(DisplayKind.Ssd1306, screen, time: time);
        var refreshes = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        display.Refreshed += (_, _) => refreshes.Writer.TryWrite(true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await display.StartAsync(timeout.Token);
        await refreshes.Reader.ReadAsync(timeout.Token);
        Assert.True(ScreenReader.Shows(screen, "-- W", scale: 2));

        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 870, Units.Watt));
        time.Advance(TimeSpan.FromSeconds(2));
        await refreshes.Reader.ReadAsync(timeout.Token);

        Assert.True(ScreenReader.Shows(screen, "870 W", scale: 2), screen.RenderAscii());
        await display.StopAsync(timeout.Token);
        display.Dispose();
    }

    [Theory]
    [InlineData(532.4, "532 W")]
    [InlineData(0, "0 W")]
    [InlineData(-250, "-250 W")]
    [InlineData(9999.4, "9999 W")]
    [InlineData(12345, "12.3 kW")]
    public void PowerText_FitsTheScreens(double watts, string expected) =>
        Assert.Equal(expected, PowerText.Format(watts));

    private static (DeviceDisplay Display, DisplayState State, CapturingLogger<DeviceDisplay> Log) Create(
        DisplayKind kind, I2cDevice device, int height = 32, TimeProvider? time = null)
    {
        var options = new DeviceDisplayOptions
        {
            Kind = kind,
            Height = height,
            OpenI2cDevice = _ => device,
        };
        var state = new DisplayState();
        var log = new CapturingLogger<DeviceDisplay>();
        var display = new DeviceDisplay(Microsoft.Extensions.Options.Options.Create(options), state, time ?? new FakeTimeProvider(Now), log);
        return (display, state, log);
    }
}
