namespace Aizu.Gateway.Tests.Display;

/// <summary>
/// The on-device display's alert indicator follows the alert board: the real alert component (signature
/// check, household filter, expiry timer), the real display service and the gateway's
/// <see cref="AlertIndicator"/>, drawing on a simulated SSD1306 whose pixels are read back.
/// </summary>
public sealed class AlertIndicatorTests
{
    private const string Home = "07202-kitaaizu";
    private const string Elsewhere = "07202-higashi";

    // Where the OLED layout puts its "ALERT" tab (top right, 9 rows tall).
    private const int AlertTabX = 94;

    [Fact]
    public async Task AlertForThisHome_LightsTheAlertTab_AnotherDistrictDoesNot_ExpiryClearsIt()
    {
        using var directory = new TemporaryDirectory();
        using var cityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var screen = new SimulatedSsd1306(new I2cConnectionSettings(1, 0x3C));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:Alerts:CityKeyPem"] = cityKey.ExportSubjectPublicKeyInfoPem(),
            ["Aizu:Alerts:KeyStateFile"] = Path.Combine(directory.Path, "alert-keys.json"),
            ["Aizu:Alerts:Household:Geocodes:0:Name"] = "JP-District",
            ["Aizu:Alerts:Household:Geocodes:0:Value"] = Home,

            // Slow ticks: what the screen shows within the test comes from the indicator's own redraw.
            ["Aizu:Display:RefreshInterval"] = "00:10:00",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAizuAlerts(builder.Configuration.GetSection(AlertOptions.SectionName));
        builder.Services.AddDeviceDisplay(builder.Configuration.GetSection(DeviceDisplayOptions.SectionName), o => o.OpenI2cDevice = _ => screen);
        builder.Services.AddHostedService<AlertIndicator>();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var inbox = host.Services.GetRequiredService<AlertInbox>();
            var state = host.Services.GetRequiredService<DisplayState>();
            await Eventually.TrueAsync(() => screen.IsLit, TimeSpan.FromSeconds(10), screen.RenderAscii);
            Assert.False(ShowsAlert(screen), screen.RenderAscii());

            // A verified level 4 order for another district: the board has it, this home does not show it.
            var sent = Now();
            var other = await inbox.ReceiveAsync(Sign(cityKey, CapAlertXml.Create("display-other", sent, sent.AddHours(1), Elsewhere)), Delivery, CancellationToken.None);
            Assert.Equal(AlertOutcome.Shown, other.Outcome);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.False(state.AlertActive);
            Assert.False(ShowsAlert(screen), screen.RenderAscii());

            // One for this home, valid for a few seconds: the tab lights at once, and goes out at its expiry.
            var expires = sent.AddSeconds(5);
            var mine = await inbox.ReceiveAsync(Sign(cityKey, CapAlertXml.Create("display-mine", sent, expires, Home, level: 3)), Delivery, CancellationToken.None);
            Assert.Equal(AlertOutcome.Shown, mine.Outcome);
            await Eventually.TrueAsync(() => ShowsAlert(screen), TimeSpan.FromSeconds(5), screen.RenderAscii);
            Assert.True(state.AlertActive);
            Assert.True(ScreenReader.LitPixels(screen, AlertTabX, 0, 128 - AlertTabX, 9) > (128 - AlertTabX) * 9 / 2, screen.RenderAscii());

            await Eventually.TrueAsync(() => !ShowsAlert(screen), TimeSpan.FromSeconds(15), screen.RenderAscii);
            Assert.True(DateTimeOffset.UtcNow >= expires, $"cleared before the expiry {expires}");
            Assert.False(state.AlertActive);
            Assert.Equal(0, ScreenReader.LitPixels(screen, AlertTabX, 0, 128 - AlertTabX, 9));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static readonly AlertDelivery Delivery = new(WireTopics.CityAlerts, Retained: false, MessageExpirySeconds: 3600);

    private static bool ShowsAlert(SimulatedSsd1306 screen) => ScreenReader.Shows(screen, "ALERT", scale: 1, inverted: true);

    private static byte[] Sign(ECDsa key, string capXml) =>
        Encoding.ASCII.GetBytes(Es256Jws.Sign(Encoding.UTF8.GetBytes(capXml), key, JwsHeader.Thumbprinted(key, contentType: JwsContentTypes.Cap)));

    private static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset);
    }
}
