using Aizu.Gateway.Cli;

namespace Aizu.Gateway.Tests.Configuration;

/// <summary>
/// Every class of bad configuration is one line naming the key, the value and what is allowed, exit code 2,
/// and nothing on disk: the data directory the file names is not created.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BadConfigurationTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string DataDirectory => Path.Combine(_directory.Path, "data");

    private string ConfigPath => Path.Combine(_directory.Path, "aizu.json");

    public void Dispose() => _directory.Dispose();

    [Theory]
    // An unknown key names the known ones.
    [InlineData("\"Uplink\": { \"Host\": \"127.0.0.1\", \"BrokerUri\": \"mqtt://x\" }", "error: Unknown configuration key 'Aizu:Uplink:BrokerUri'. Known keys of Aizu:Uplink: CaFile, ClientCertificateFile, ClientKeyFile, GatewayId, Host, IdentityDirectory, KeepAlive, Port, ReconnectMaxDelay, ReconnectMinDelay, SessionExpiry, Timeout, UseTls.")]
    // A wrong type names the key the value and the form allowed.
    [InlineData("\"Dsmr\": { \"DevicePath\": \"/dev/null\", \"PowerInterval\": \"fast\" }", "error: Aizu:Dsmr:PowerInterval = 'fast' is not allowed; allowed: a duration hh:mm:ss, e.g. 00:00:10.")]
    // No meter section names every meter the gateway can read.
    [InlineData("\"Household\": { \"TimeZone\": \"Asia/Tokyo\" }", "error: No meter is configured: add a section Aizu:BRoute (Japanese smart meter), Aizu:Dsmr, Aizu:Sml or Aizu:Pulse (see docs/hardware.md), or try 'aizu run --demo'.")]
    // A wrong number names the key the value and the form allowed.
    [InlineData("\"Tariff\": { \"Kind\": \"Flat\", \"PricePerKWh\": \"0,27\" }", "error: Aizu:Tariff:PricePerKWh = '0,27' is not allowed; allowed: a number with a '.' for decimals, e.g. 0.27.")]
    // A bad enum value lists the allowed names.
    [InlineData("\"Tariff\": { \"Kind\": \"Flatt\" }", "error: Aizu:Tariff:Kind = 'Flatt' is not allowed; allowed: Flat, Tiered, TimeOfUse.")]
    // A bad url says what a url looks like.
    [InlineData("\"InfluxMirror\": { \"Url\": \"localhost:8086\" }", "error: Aizu:InfluxMirror:Url = 'localhost:8086' is not allowed; allowed: an absolute http:// or https:// URL, e.g. http://127.0.0.1:8086.")]
    public async Task A_bad_key_or_value_is_one_line_naming_what_is_allowed(string aizuSections, string expected)
    {
        var error = await RunRefusedAsync(Valid(aizuSections));

        Assert.Equal(expected, error);
    }

    [Theory]
    // Invalid JSON gives the line and position.
    [InlineData("{\n  \"Aizu\": {\n    \"Dsmr\": { \"DevicePath\": \"/dev/null\" \"PowerInterval\": \"00:00:02\" }\n  }\n}", "error: Configuration file {file} is not valid JSON at line 3, position 41: '\"' is invalid after a value. Expected either ',', '}', or ']'.")]
    // A misspelt root section names the allowed ones.
    [InlineData("{ \"Aizou\": { \"Dsmr\": { \"DevicePath\": \"/dev/null\" } } }", "error: Unknown root section 'Aizou' in {file}; allowed: Aizu, Logging.")]
    public async Task A_file_that_is_not_a_configuration_is_one_line_naming_the_file_and_what_is_wrong(string json, string expected)
    {
        var error = await RunRefusedAsync(json);

        Assert.Equal(expected.Replace("{file}", ConfigPath, StringComparison.Ordinal), error);
    }

    [Fact]
    public async Task A_file_not_in_utf8_gives_the_line_and_position_of_the_first_odd_byte()
    {
        // Found by the configuration fuzz target: a name or value in another encoding (Latin-1, Shift_JIS) made the
        // JSON reader throw "Cannot transcode invalid UTF-8" as a stack trace.
        await File.WriteAllBytesAsync(ConfigPath, [.. "{\n  \"Aizu\": { \"Household\": { \"Name\": \"K"u8, 0xF6, .. "ln\" } }\n}"u8]);

        var (code, error) = await RunAsync();

        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Equal($"error: Configuration file {ConfigPath} is not UTF-8 text at line 2, position 38; save it as UTF-8 (an editor's \"Save with encoding\").", error.TrimEnd());
        Assert.False(Directory.Exists(DataDirectory));
    }

    [Fact]
    public async Task A_key_given_twice_is_named()
    {
        // Found by the configuration fuzz target: the configuration system threw "Failed to load configuration from file".
        var error = await RunRefusedAsync(Valid("\"Household\": { \"Latitude\": 37.49, \"Longitude\": 139.86, \"latitude\": 37.5 }"));

        Assert.Equal($"error: Configuration key 'Aizu:Household:latitude' is given twice in {ConfigPath}; keep one (keys do not distinguish upper and lower case).", error);
    }

    [Fact]
    public async Task Two_components_refusing_their_options_are_two_lines_not_a_stack_trace()
    {
        // Found by the configuration fuzz target (a seed from docs/hardware.md): with no database file configured both
        // the store and the consent ledger refuse, and the start-up validator threw both as one AggregateException.
        var error = await RunRefusedAsync("{ \"Aizu\": { \"Dsmr\": { \"DevicePath\": \"/dev/null\" } } }");

        Assert.Contains("error: Aizu:Storage:DatabasePath is required", error, StringComparison.Ordinal);
        Assert.Contains("Aizu:Consent:DatabasePath is required", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_the_gateway_cannot_read_says_so_without_a_stack_trace()
    {
        // Root reads any file, so the unreadable file is a directory of the same name.
        Directory.CreateDirectory(ConfigPath);

        var (code, error) = await RunAsync();

        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.StartsWith($"error: Configuration file {ConfigPath} cannot be read: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.False(Directory.Exists(DataDirectory));
    }

    [Fact]
    public async Task A_value_the_options_refuse_is_refused_before_the_database_exists()
    {
        var error = await RunRefusedAsync(Valid("\"BRoute\": { \"DevicePath\": \"/dev/null\", \"RouteBId\": \"short\", \"Password\": \"0123456789AB\" }"), privateFile: true);

        Assert.Equal("error: Aizu:BRoute:RouteBId must be the 32-character B-route ID from your utility (got 5 characters).", error);
    }

    [Fact]
    public async Task Credentials_in_a_file_every_user_can_read_are_warned_about_in_one_line()
    {
        await File.WriteAllTextAsync(ConfigPath, Valid("\"BRoute\": { \"DevicePath\": \"/dev/null\", \"RouteBId\": \"short\", \"Password\": \"0123456789AB\" }"));
        File.SetUnixFileMode(ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (code, error) = await RunAsync();

        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.StartsWith($"warning: Configuration file {ConfigPath} holds the meter's B-route credentials and every user of this device can read it; run: chown root:aizu {ConfigPath} && chmod 0640 {ConfigPath}{Environment.NewLine}error: ", error, StringComparison.Ordinal);
    }

    // A configuration whose storage names the test's data directory, plus the section under test.
    private string Valid(string section) =>
        $$"""{ "Aizu": { "Storage": { "DatabasePath": "{{Path.Combine(DataDirectory, "aizu.db")}}" }, {{section}} } }""";

    private async Task<string> RunRefusedAsync(string json, bool privateFile = false)
    {
        await File.WriteAllTextAsync(ConfigPath, json);
        if (privateFile)
        {
            File.SetUnixFileMode(ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var (code, error) = await RunAsync();
        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.False(Directory.Exists(DataDirectory), $"{DataDirectory} was created before the configuration was refused.");
        return error.TrimEnd();
    }

    private async Task<(int Code, string Error)> RunAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GatewayCommandLine.Create(output, error).Parse(["run", "--config", ConfigPath]).InvokeAsync();
        return (code, error.ToString().TrimEnd());
    }
}
