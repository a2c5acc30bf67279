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

    [Fact]
    public async Task An_unknown_key_names_the_known_ones()
    {
        var error = await RunRefusedAsync(Valid("\"Uplink\": { \"Host\": \"127.0.0.1\", \"BrokerUri\": \"mqtt://x\" }"));

        Assert.Equal("error: Unknown configuration key 'Aizu:Uplink:BrokerUri'. Known keys of Aizu:Uplink: CaFile, ClientCertificateFile, ClientKeyFile, GatewayId, Host, IdentityDirectory, KeepAlive, Port, ReconnectMaxDelay, ReconnectMinDelay, SessionExpiry, Timeout, UseTls.", error);
    }

    [Fact]
    public async Task A_wrong_type_names_the_key_the_value_and_the_form_allowed()
    {
        var error = await RunRefusedAsync(Valid("\"Dsmr\": { \"DevicePath\": \"/dev/null\", \"PowerInterval\": \"fast\" }"));

        Assert.Equal("error: Aizu:Dsmr:PowerInterval = 'fast' is not allowed; allowed: a duration hh:mm:ss, e.g. 00:00:10.", error);
    }

    [Fact]
    public async Task No_meter_section_names_every_meter_the_gateway_can_read()
    {
        var error = await RunRefusedAsync(Valid("\"Household\": { \"TimeZone\": \"Asia/Tokyo\" }"));

        Assert.Equal("error: No meter is configured: add a section Aizu:BRoute (Japanese smart meter), Aizu:Dsmr, Aizu:Sml or Aizu:Pulse (see docs/hardware.md), or try 'aizu run --demo'.", error);
    }

    [Fact]
    public async Task A_wrong_number_names_the_key_the_value_and_the_form_allowed()
    {
        var error = await RunRefusedAsync(Valid("\"Tariff\": { \"Kind\": \"Flat\", \"PricePerKWh\": \"0,27\" }"));

        Assert.Equal("error: Aizu:Tariff:PricePerKWh = '0,27' is not allowed; allowed: a number with a '.' for decimals, e.g. 0.27.", error);
    }

    [Fact]
    public async Task A_bad_enum_value_lists_the_allowed_names()
    {
        var error = await RunRefusedAsync(Valid("\"Tariff\": { \"Kind\": \"Flatt\" }"));

        Assert.Equal("error: Aizu:Tariff:Kind = 'Flatt' is not allowed; allowed: Flat, Tiered, TimeOfUse.", error);
    }

    [Fact]
    public async Task A_bad_url_says_what_a_url_looks_like()
    {
        var error = await RunRefusedAsync(Valid("\"InfluxMirror\": { \"Url\": \"localhost:8086\" }"));

        Assert.Equal("error: Aizu:InfluxMirror:Url = 'localhost:8086' is not allowed; allowed: an absolute http:// or https:// URL, e.g. http://127.0.0.1:8086.", error);
    }

    [Fact]
    public async Task Invalid_json_gives_the_line_and_position()
    {
        var error = await RunRefusedAsync("{\n  \"Aizu\": {\n    \"Dsmr\": { \"DevicePath\": \"/dev/null\" \"PowerInterval\": \"00:00:02\" }\n  }\n}");

        Assert.Equal($"error: Configuration file {ConfigPath} is not valid JSON at line 3, position 41: '\"' is invalid after a value. Expected either ',', '}}', or ']'.", error);
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
    public async Task A_misspelt_root_section_names_the_allowed_ones()
    {
        var error = await RunRefusedAsync("{ \"Aizou\": { \"Dsmr\": { \"DevicePath\": \"/dev/null\" } } }");

        Assert.Equal($"error: Unknown root section 'Aizou' in {ConfigPath}; allowed: Aizu, Logging.", error);
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
