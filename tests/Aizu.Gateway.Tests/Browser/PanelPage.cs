namespace Aizu.Gateway.Tests.Browser;

/// <summary>What a household does in the browser to get past the first-start form or the sign-in.</summary>
internal static class PanelPage
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Opens <paramref name="panel"/> and sets the first password with the gateway's <paramref name="setupCode"/>
    /// (or signs in with the password) through the form.
    /// </summary>
    public static WebDriverWait Open(IWebDriver browser, Uri panel, string? setupCode, string password = PanelSignIn.Password)
    {
        ArgumentNullException.ThrowIfNull(browser);
        browser.Navigate().GoToUrl(panel);
        var wait = new WebDriverWait(browser, Limit);
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        var gate = wait.Until(d => d.FindElement(By.Id("gate")) is { Displayed: true } g ? g : null);
        string mode = gate.GetAttribute("data-mode") ?? string.Empty;
        browser.FindElement(By.Id("gate-password")).SendKeys(password);
        if (mode == "setup")
        {
            browser.FindElement(By.Id("gate-code")).SendKeys(setupCode ?? throw new InvalidOperationException("The panel is unclaimed but the gateway printed no setup code."));
            browser.FindElement(By.Id("gate-confirm")).SendKeys(password);
        }

        browser.FindElement(By.Id("gate-submit")).Click();
        wait.Until(d => d.FindElement(By.Id("nav")).FindElements(By.TagName("a")).Count > 0 && !d.FindElement(By.Id("gate")).Displayed);
        return wait;
    }

    /// <summary>Navigates inside the page (hash route) and waits until the screen shows.</summary>
    public static IWebElement Show(IWebDriver browser, WebDriverWait wait, string screen, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(wait);
        ((IJavaScriptExecutor)browser).ExecuteScript($"location.hash = '#/{screen}{(query is null ? string.Empty : "?" + query)}';");
        return wait.Until(d => d.FindElement(By.Id($"screen-{screen}")) is { Displayed: true } s ? s : null);
    }
}
