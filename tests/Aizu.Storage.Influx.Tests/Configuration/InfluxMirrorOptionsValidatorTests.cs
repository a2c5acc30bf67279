namespace Aizu.Storage.Influx.Tests.Configuration;

public sealed class InfluxMirrorOptionsValidatorTests
{
    private const string Section = "Aizu:InfluxMirror";

    private static ValidateOptionsResult Validate(Action<InfluxMirrorOptions> configure)
    {
        var options = new InfluxMirrorOptions { Url = "http://192.168.1.20:8086", Org = "home", Bucket = "aizu", Token = "t0k3n" };
        configure(options);
        return new InfluxMirrorOptionsValidator(Section).Validate(null, options);
    }

    [Fact]
    public void A_2x_target_with_a_token_and_a_1x_target_with_a_user_are_valid()
    {
        Assert.True(Validate(_ => { }).Succeeded);
        Assert.True(Validate(o =>
        {
            o.Org = o.Bucket = o.Token = "";
            o.Database = "aizu";
            o.RetentionPolicy = "autogen";
            o.Username = "aizu";
            o.Password = "secret";
            o.WriteEndpoint = InfluxWriteEndpoint.V1;
        }).Succeeded);
    }

    [Theory]
    [InlineData("Url", "Aizu:InfluxMirror:Url is required")]
    [InlineData("BadUrl", "Aizu:InfluxMirror:Url 'ftp://x' is not an http://")]
    [InlineData("NoTarget", "Aizu:InfluxMirror:Bucket (with Aizu:InfluxMirror:Org, InfluxDB 2.x/3.x) or Aizu:InfluxMirror:Database")]
    [InlineData("BothTargets", "Set either Aizu:InfluxMirror:Bucket (InfluxDB 2.x/3.x) or Aizu:InfluxMirror:Database")]
    [InlineData("NoOrg", "Aizu:InfluxMirror:Org is required with Aizu:InfluxMirror:Bucket")]
    [InlineData("TokenAndUser", "Set either Aizu:InfluxMirror:Token or Aizu:InfluxMirror:Username")]
    [InlineData("UserWithoutPassword", "Aizu:InfluxMirror:Username and Aizu:InfluxMirror:Password go together")]
    [InlineData("V1WithBucket", "Aizu:InfluxMirror:WriteEndpoint V1 (InfluxDB 1.x before 1.8) needs Aizu:InfluxMirror:Database")]
    [InlineData("BatchSize", "Aizu:InfluxMirror:BatchSize must be between 1 and 50000; it is 0")]
    [InlineData("FlushInterval", "Aizu:InfluxMirror:FlushInterval must be between")]
    [InlineData("MaxRetryDelay", "Aizu:InfluxMirror:MaxRetryDelay must be between")]
    [InlineData("Timeout", "Aizu:InfluxMirror:Timeout must be between")]
    [InlineData("RetentionWithoutDatabase", "Aizu:InfluxMirror:RetentionPolicy needs Aizu:InfluxMirror:Database")]
    public void A_wrong_value_is_refused_with_a_message_naming_the_key(string fault, string message)
    {
        var result = Validate(o =>
        {
            switch (fault)
            {
                case "Url": o.Url = ""; break;
                case "BadUrl": o.Url = "ftp://x"; break;
                case "NoTarget": o.Bucket = ""; break;
                case "BothTargets": o.Database = "aizu"; break;
                case "NoOrg": o.Org = ""; break;
                case "TokenAndUser": o.Username = "u"; o.Password = "p"; break;
                case "UserWithoutPassword": o.Token = ""; o.Username = "u"; break;
                case "V1WithBucket": o.WriteEndpoint = InfluxWriteEndpoint.V1; break;
                case "BatchSize": o.BatchSize = 0; break;
                case "FlushInterval": o.FlushInterval = TimeSpan.Zero; break;
                case "MaxRetryDelay": o.MaxRetryDelay = TimeSpan.FromDays(1); break;
                case "Timeout": o.Timeout = TimeSpan.Zero; break;
                case "RetentionWithoutDatabase": o.RetentionPolicy = "autogen"; break;
            }
        });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_a_bad_section_and_names_the_key()
    {
        var directory = Directory.CreateTempSubdirectory("aizu-influx-options-").FullName;
        try
        {
            var settings = MirrorHost.Settings(Path.Combine(directory, "aizu.db"), "http://127.0.0.1:1");
            settings["Aizu:InfluxMirror:BatchSize"] = "-5";
            using var host = MirrorHost.Build(settings);
            var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains("Aizu:InfluxMirror:BatchSize", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
