namespace Aizu.Gateway.Tests.Browser;

/// <summary>
/// The demo gateway (<c>aizu run --demo</c>, panel on a free loopback port) in a directory of its own, and a headless
/// Chromium of the given window size that has claimed its panel through the first-start form: where most browser
/// tests begin.
/// </summary>
/// <remarks>Made by <see cref="StartAsync"/>, which owns what it starts until the object is made.</remarks>
internal sealed class DemoPanelInBrowser(TemporaryDirectory directory, GatewayProcess gateway, Uri panel, ChromeDriver browser, WebDriverWait wait)
    : IAsyncDisposable
{
    public GatewayProcess Gateway { get; } = gateway;

    /// <summary>The panel's address, as the gateway announced it.</summary>
    public Uri Panel { get; } = panel;

    public ChromeDriver Browser { get; } = browser;

    /// <summary>The page's usual wait (<see cref="PanelPage.Limit"/>), ignoring elements not there yet or re-rendered.</summary>
    public WebDriverWait Wait { get; } = wait;

    /// <param name="width">The window's width in CSS pixels.</param>
    /// <param name="height">The window's height in CSS pixels.</param>
    /// <param name="runOptions">More options of <c>aizu run --demo</c>, such as <c>--profile eu</c>.</param>
    public static async Task<DemoPanelInBrowser> StartAsync(int width, int height, params string[] runOptions)
    {
        var directory = new TemporaryDirectory();
        GatewayProcess? gateway = null;
        ChromeDriver? browser = null;
        try
        {
            string[] run = ["run", "--demo", .. runOptions, "--urls", "http://127.0.0.1:0"];
            gateway = GatewayProcess.Start(directory.Path, run);
            var panel = await gateway.PanelAsync();
            browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"), width, height);
            var wait = PanelPage.Open(browser, panel, gateway.SetupCode);
            return new DemoPanelInBrowser(directory, gateway, panel, browser, wait);
        }
        catch
        {
            browser?.Dispose();
            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }

            directory.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await Gateway.DisposeAsync();
        directory.Dispose();
    }
}
