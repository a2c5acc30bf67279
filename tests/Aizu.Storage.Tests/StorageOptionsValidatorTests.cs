namespace Aizu.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator validator = new("Aizu:Storage");

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
    public void A_file_path_passes() =>
        Assert.True(validator.Validate(null, new StorageOptions { DatabasePath = "/var/lib/aizu/readings.db" }).Succeeded);
}
