namespace Aizu.Gateway.Tests.Browser;

/// <summary>
/// Every screen of the panel at a 7-inch tablet's and a phone's size: nothing may be wider than the
/// screen (no sideways scrolling). The pictures go to <c>AIZU_SCREENSHOTS</c> when set (that is how
/// docs/images is made: see docs/panel.md), else to a temporary folder, and must be real images.
/// </summary>
public sealed class ScreenSizeTests
{
    private static readonly (string Name, Size Size)[] Devices = [("tablet", new Size(1024, 600)), ("phone", new Size(390, 844))];

    [Fact]
    public async Task EveryScreen_FitsATabletAndAPhone()
    {
        using var directory = new TemporaryDirectory();
        string output = Environment.GetEnvironmentVariable("AIZU_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(directory.Path, "screenshots");
        Directory.CreateDirectory(output);
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        var panel = await gateway.PanelAsync();
        using var browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"), 1024, 600);

        browser.Navigate().GoToUrl(panel);
        var wait = new OpenQA.Selenium.Support.UI.WebDriverWait(browser, PanelPage.Limit);
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException));
        wait.Until(d => d.FindElement(By.Id("gate")).Displayed);
        Capture(browser, output, "first-start", "tablet");

        PanelPage.Open(browser, panel, gateway.SetupCode);
        wait.Until(d => d.FindElement(By.Id("live-updated")).GetAttribute("data-ts") is { Length: > 0 });
        var screens = browser.FindElements(By.CssSelector("#nav a")).Select(a => a.GetAttribute("href")!.Split("#/")[1]).ToList();
        Assert.Contains("home", screens);
        Assert.Contains("history", screens);

        foreach (var (device, size) in Devices)
        {
            browser.Manage().Window.Size = size;
            foreach (var screen in screens)
            {
                PanelPage.Show(browser, wait, screen);

                // Let the screen's first answers and charts arrive.
                await Task.Delay(1500);
                long scrollWidth = (long)browser.ExecuteScript("return document.documentElement.scrollWidth;")!;
                long viewport = (long)browser.ExecuteScript("return window.innerWidth;")!;
                Assert.True(scrollWidth <= viewport + 1, $"{screen} on a {device} is {scrollWidth} px wide in a {viewport} px window.");
                Capture(browser, output, screen, device);
            }
        }
    }

    private static void Capture(OpenQA.Selenium.Chrome.ChromeDriver browser, string output, string screen, string device)
    {
        browser.ExecuteScript("window.scrollTo(0, 0);");
        var shot = browser.GetScreenshot();
        var path = Path.Combine(output, $"{screen}-{device}.png");
        shot.SaveAsFile(path);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5_000, $"{path} is only {bytes.Length} bytes.");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }
}
