namespace Aizu.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator validator = new("Aizu:Storage");

    private static StorageOptions Valid() => new() { DatabasePath = "/var/lib/aizu/readings.db" };

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_path_fails_naming_the_configuration_key(string path)
    {
        var result = validator.Validate(null, new StorageOptions { DatabasePath = path });

        Assert.True(result.Failed);
        Assert.Contains("Aizu:Storage:DatabasePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_path_fails() =>
        Assert.True(validator.Validate(null, new StorageOptions { DatabasePath = "/var/lib/aizu/" }).Failed);

    [Fact]
    public void The_defaults_with_a_file_path_pass() =>
        Assert.True(validator.Validate(null, Valid()).Succeeded);

    public static TheoryData<string, Action<StorageOptions>> BadSettings => new()
    {
        { "Aizu:Storage:RawRetentionMonths", o => o.RawRetentionMonths = -1 },
        { "Aizu:Storage:HourRollupRetentionMonths", o => o.HourRollupRetentionMonths = 5_000 },
        { "Aizu:Storage:MinFreeSpaceMegabytes", o => o.MinFreeSpaceMegabytes = -5 },
        { "Aizu:Storage:MaxChunkPoints", o => o.MaxChunkPoints = 1 },
        { "Aizu:Storage:MaxChunkDuration", o => o.MaxChunkDuration = TimeSpan.FromDays(30) },
        { "Aizu:Storage:MaintenanceInterval", o => o.MaintenanceInterval = TimeSpan.Zero },
        { "Aizu:Storage:Durability", o => o.Durability = (StorageDurability)9 },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_fails_naming_its_key(string key, Action<StorageOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }
}
