namespace Aizu.Hardware.BRoute.Tests;

public sealed class BRouteOptionsValidatorTests
{
    private static BRouteOptions Valid() => new()
    {
        DevicePath = "/dev/ttyUSB0",
        RouteBId = "00112233445566778899AABBCCDDEEFF",
        Password = "0123456789AB",
    };

    [Fact]
    public void Validate_CompleteOptions_Succeeds() =>
        Assert.True(new BRouteOptionsValidator().Validate(null, Valid()).Succeeded);

    [Theory]
    [InlineData("RouteBId", "0011", "Aizu:BRoute:RouteBId")]
    [InlineData("Password", "short", "Aizu:BRoute:Password")]
    [InlineData("DevicePath", "", "Aizu:BRoute:DevicePath")]
    public void Validate_BadValue_NamesTheKey(string property, string value, string key)
    {
        var options = Valid();
        typeof(BRouteOptions).GetProperty(property)!.SetValue(options, value);

        var result = new BRouteOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ZeroInterval_IsRejectedWithAnExample()
    {
        var options = Valid();
        options.PowerInterval = TimeSpan.Zero;

        var result = new BRouteOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("Aizu:BRoute:PowerInterval", StringComparison.Ordinal) && f.Contains("00:00:05", StringComparison.Ordinal));
    }
}
