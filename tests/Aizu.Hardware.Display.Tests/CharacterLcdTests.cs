namespace Aizu.Hardware.Display.Tests;

/// <summary>
/// The HD44780 path end to end: the real display service and the bindings' <c>Lcd1602</c>/<c>Lcd2004</c> over their
/// real <c>LcdInterface</c>s (PCF8574 I2C backpack and direct 4-bit GPIO), against simulators that decode the pin
/// changes into what the glass shows. Assertions are the characters a person reads.
/// </summary>
public sealed class CharacterLcdTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 19, 0, 0, TimeSpan.Zero);
    private static readonly string Blank16 = new(' ', 16);
    private static readonly string Blank20 = new(' ', 20);

    [Fact]
    public void Backpack_2004_ShowsPowerAndAlert_OnTheTopRows()
    {
        var lcd = new SimulatedHd44780Backpack(new I2cConnectionSettings(1, 0x3F), columns: 20, rows: 4);
        var (display, state, _) = Create(new DeviceDisplayOptions
        {
            Kind = DisplayKind.Hd44780,
            LcdModel = LcdModel.Lcd2004,
            Address = "0x3F",
            OpenI2cDevice = settings => settings.DeviceAddress == 0x3F ? lcd : new AbsentI2cDevice(settings),
        });
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 12_345, Units.Watt));
        state.SetAlert(true);

        Assert.True(display.Refresh());

        Assert.True(lcd.DisplayOn);
        Assert.True(lcd.BacklightOn);
        Assert.Equal("Power        12.3 kW", lcd.Line(0));
        Assert.Equal("! ALERT".PadRight(20), lcd.Line(1));
        Assert.Equal(Blank20, lcd.Line(2));
        Assert.Equal(Blank20, lcd.Line(3));

        state.SetAlert(false);
        display.Refresh();

        Assert.Equal(Blank20, lcd.Line(1));
    }

    [Fact]
    public void Gpio_1602_ShowsPower_AndTheAlertIndicator()
    {
        var lcd = new SimulatedHd44780Gpio(registerSelectPin: 25, enablePin: 24, dataPins: [23, 22, 27, 18], backlightPin: 12);
        var (display, state, log) = Create(GpioOptions(lcd, LcdModel.Lcd1602));
        state.Offer(new Reading(SeriesNames.ElectricPower, Now.AddSeconds(-2), 532.4, Units.Watt));

        Assert.True(display.Refresh(), string.Join('\n', log.Entries));

        Assert.True(lcd.DisplayOn);
        Assert.True(lcd.BacklightOn);
        Assert.Equal("Power      532 W", lcd.Line(0));
        Assert.Equal(Blank16, lcd.Line(1));
        Assert.Contains(log.Entries, e => e.Message.Contains("on GPIO chip 0 (RS 25, E 24, D4-D7 23/22/27/18) ready", StringComparison.Ordinal));

        state.SetAlert(true);
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, -250, Units.Watt));
        display.Refresh();

        Assert.Equal("Power     -250 W", lcd.Line(0));
        Assert.Equal("! ALERT         ", lcd.Line(1));
    }

    [Fact]
    public void Gpio_1602_ShowsThePanelSetupCode_UntilCleared_AndAnAlertOutranksIt()
    {
        var lcd = new SimulatedHd44780Gpio(registerSelectPin: 25, enablePin: 24, dataPins: [23, 22, 27, 18], backlightPin: 12);
        var (display, state, _) = Create(GpioOptions(lcd, LcdModel.Lcd1602));
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 532.4, Units.Watt));
        state.SetNotice("Code 7KQ2M-X9D4R");

        display.Refresh();
        Assert.Equal("Power      532 W", lcd.Line(0));
        Assert.Equal("Code 7KQ2M-X9D4R", lcd.Line(1));

        state.SetAlert(true);
        display.Refresh();
        Assert.Equal("! ALERT         ", lcd.Line(1));

        state.SetAlert(false);
        state.SetNotice(null);
        display.Refresh();
        Assert.Equal(Blank16, lcd.Line(1));
    }

    [Fact]
    public void Gpio_2004_NoCurrentReading_ShowsDashes()
    {
        var lcd = new SimulatedHd44780Gpio(25, 24, [23, 22, 27, 18], columns: 20, rows: 4);
        var (display, state, _) = Create(GpioOptions(lcd, LcdModel.Lcd2004));
        state.Offer(new Reading(SeriesNames.ElectricPower, Now.AddMinutes(-5), 532, Units.Watt));

        Assert.True(display.Refresh());

        Assert.Equal("Power" + "-- W".PadLeft(15), lcd.Line(0));
        Assert.All(Enumerable.Range(1, 3), row => Assert.Equal(Blank20, lcd.Line(row)));
    }

    [Fact]
    public void Gpio_LinesUnavailable_IsLoggedOnce_AndRecovers()
    {
        var lcd = new SimulatedHd44780Gpio(25, 24, [23, 22, 27, 18]) { Unavailable = true };
        var (display, state, log) = Create(GpioOptions(lcd, LcdModel.Lcd1602));
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 870, Units.Watt));

        Assert.False(display.Refresh());
        Assert.False(display.Refresh());
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Hd44780 screen on GPIO chip 0", warning.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer", warning.Message, StringComparison.Ordinal);
        Assert.Contains("busy", warning.Message, StringComparison.Ordinal);

        lcd.Unavailable = false;
        Assert.True(display.Refresh());

        Assert.Equal("Power      870 W", lcd.Line(0));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answering again", StringComparison.Ordinal));
    }

    [Fact]
    public void Backpack_Nack_IsLoggedOnceWithTheAddress_AndRecovers()
    {
        var lcd = new SimulatedHd44780Backpack(new I2cConnectionSettings(1, 0x27)) { Fault = SimulatedFault.Nack };
        var (display, state, log) = Create(new DeviceDisplayOptions { Kind = DisplayKind.Hd44780, OpenI2cDevice = _ => lcd });
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 532, Units.Watt));

        Assert.False(display.Refresh());
        Assert.False(display.Refresh());
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Hd44780 screen at 0x27 on I2C bus 1 did not answer: Error 121 (Remote I/O error)", warning.Message, StringComparison.Ordinal);

        lcd.Fault = SimulatedFault.None;
        Assert.True(display.Refresh());

        Assert.Equal("Power      532 W", lcd.Line(0));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answering again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backpack_StuckBus_IsReported_OtherCallersDoNotWait_AndTheScreenComesBack()
    {
        var time = new FakeTimeProvider(Now);
        var lcd = new SimulatedHd44780Backpack(new I2cConnectionSettings(1, 0x27));
        var (display, state, log) = Create(new DeviceDisplayOptions { Kind = DisplayKind.Hd44780, OpenI2cDevice = _ => lcd }, time);
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 532, Units.Watt));
        Assert.True(display.Refresh());

        lcd.Fault = SimulatedFault.HoldBus;
        var stuckDraw = Task.Run(display.Refresh, CancellationToken.None);
        await lcd.TransferBlocked.WaitAsync(TimeSpan.FromSeconds(20));

        // The alert path calls Refresh when an alert arrives: it must come back at once, not hang on the bus.
        state.SetAlert(true);
        Assert.False(display.Refresh());
        Assert.DoesNotContain(log.Entries, e => e.Level == LogLevel.Warning);

        time.Advance(DeviceDisplay.StuckAfter);
        Assert.False(display.Refresh());
        Assert.False(display.Refresh());
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Hd44780 screen at 0x27 on I2C bus 1 is stuck", warning.Message, StringComparison.Ordinal);

        // When the bus comes back the stuck transfer fails, and the draw that owned the screen reopens it and
        // draws the state asked for meanwhile, without waiting for the next tick.
        state.Offer(new Reading(SeriesNames.ElectricPower, Now.AddSeconds(10), 4210, Units.Watt));
        lcd.Fault = SimulatedFault.None;
        Assert.True(await stuckDraw.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal("Power     4210 W", lcd.Line(0));
        Assert.Equal("! ALERT         ", lcd.Line(1));
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answering again", StringComparison.Ordinal));
        Assert.True(display.Refresh());
    }

    [Fact]
    public async Task Service_KeepsTicking_WhileTheBusIsHeld_AndStopsWithoutWaitingForIt()
    {
        var time = new FakeTimeProvider(Now);
        var lcd = new SimulatedHd44780Backpack(new I2cConnectionSettings(1, 0x27));
        var (display, state, log) = Create(new DeviceDisplayOptions { Kind = DisplayKind.Hd44780, OpenI2cDevice = _ => lcd }, time);
        var refreshes = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        display.Refreshed += (_, _) => refreshes.Writer.TryWrite(true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        state.Offer(new Reading(SeriesNames.ElectricPower, Now, 532, Units.Watt));

        await display.StartAsync(timeout.Token);
        await refreshes.Reader.ReadAsync(timeout.Token);
        Assert.Equal("Power      532 W", lcd.Line(0));

        lcd.Fault = SimulatedFault.HoldBus;
        var blocked = lcd.TransferBlocked;
        time.Advance(TimeSpan.FromSeconds(2));
        await blocked.WaitAsync(timeout.Token);
        for (int tick = 0; tick < 6 && !log.Entries.Any(e => e.Message.Contains("is stuck", StringComparison.Ordinal)); tick++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(50, timeout.Token);
        }

        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("is stuck", StringComparison.Ordinal));

        var stopping = display.StopAsync(timeout.Token);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10), timeout.Token);

        lcd.Fault = SimulatedFault.None;
        display.Dispose();
    }

    [Fact]
    public void Backpack_LatchesOnlyOnTheFallingEdgeOfE()
    {
        // Raw PCF8574 writes: the 4-bit initialisation, then 'A' sent with E strobes, then a 'B' whose nibbles never
        // see E fall. Only 'A' may reach the display RAM.
        var lcd = new SimulatedHd44780Backpack(new I2cConnectionSettings(1, 0x27));
        const byte e = 0x04, rs = 0x01, bl = 0x08;
        void Nibble(byte nibble, byte flags) => lcd.Write([(byte)((nibble << 4) | flags | e | bl), (byte)((nibble << 4) | flags | bl)]);
        void Byte(byte value, byte flags)
        {
            Nibble((byte)(value >> 4), flags);
            Nibble((byte)(value & 0x0F), flags);
        }

        Nibble(0x3, 0);
        Nibble(0x3, 0);
        Nibble(0x3, 0);
        Nibble(0x2, 0);
        Byte(0x28, 0); // function set: 4-bit, two lines
        Byte(0x0C, 0); // display on
        Byte(0x01, 0); // clear
        Byte(0x06, 0); // entry mode: increment
        Byte((byte)'A', rs);
        lcd.Write([(byte)(0x40 | rs | bl), (byte)(0x20 | rs | bl)]);

        Assert.Equal("A" + new string(' ', 15), lcd.Line(0));
        Assert.True(lcd.BacklightOn);
    }

    private static DeviceDisplayOptions GpioOptions(SimulatedHd44780Gpio lcd, LcdModel model) => new()
    {
        Kind = DisplayKind.Hd44780,
        Wiring = DisplayWiring.Gpio,
        LcdModel = model,
        BacklightPin = lcd.BacklightPin,
        OpenGpioDriver = _ => lcd.CreateDriver(),
    };

    private static (DeviceDisplay Display, DisplayState State, CapturingLogger<DeviceDisplay> Log) Create(DeviceDisplayOptions options, TimeProvider? time = null)
    {
        Assert.True(new DeviceDisplayOptionsValidator().Validate(null, options).Succeeded);
        var state = new DisplayState();
        var log = new CapturingLogger<DeviceDisplay>();
        var display = new DeviceDisplay(Microsoft.Extensions.Options.Options.Create(options), state, time ?? new FakeTimeProvider(Now), log);
        return (display, state, log);
    }
}
