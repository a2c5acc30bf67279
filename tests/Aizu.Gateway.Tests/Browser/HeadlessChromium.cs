namespace Aizu.Gateway.Tests.Browser;

/// <summary>
/// Debian's chromium driven by Debian's chromedriver. Both come from .ci/install-deps; nothing is
/// downloaded. A missing browser fails the test with the command that installs it.
/// </summary>
internal static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver Start(string userDataDirectory, int width = 1280, int height = 800)
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"Browser tests need {Browser} and {Driver}: run 'sudo bash .ci/install-deps' (Debian packages chromium and chromium-driver).");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Browser };

        // The machine has no network but loopback: switch off everything that would phone home.
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--lang=en-US",
            $"--window-size={width},{height}",
            $"--user-data-dir={userDataDirectory}");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
