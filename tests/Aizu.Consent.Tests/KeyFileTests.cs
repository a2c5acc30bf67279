namespace Aizu.Consent.Tests;

public sealed class KeyFileTests
{
    [Fact]
    public async Task FirstUse_CreatesAPkcs8PemOnlyTheOwnerCanRead_AndLaterUsesReuseIt()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("keys/consent-signing-key.pem");

        string thumbprint;
        using (var provider = new FileGatewayKeyProvider(path, NullLogger<FileGatewayKeyProvider>.Instance))
        {
            thumbprint = JwkThumbprint.Of(await provider.GetSigningKeyAsync(CancellationToken.None));
        }

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        using var again = new FileGatewayKeyProvider(path, NullLogger<FileGatewayKeyProvider>.Instance);
        Assert.Equal(thumbprint, JwkThumbprint.Of(await again.GetSigningKeyAsync(CancellationToken.None)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public async Task KeyOthersCanRead_IsRefused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var directory = new TemporaryDirectory();
        var path = directory.File("key.pem");
        using (var key = P256Keys.Create())
        {
            await File.WriteAllTextAsync(path, key.ExportPkcs8PrivateKeyPem());
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        using var provider = new FileGatewayKeyProvider(path, NullLogger<FileGatewayKeyProvider>.Instance);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await provider.GetSigningKeyAsync(CancellationToken.None));
        Assert.Contains("chmod 600", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultKeyPath_IsBesideTheDatabase()
    {
        var options = new ConsentOptions { DatabasePath = "/var/lib/aizu/aizu.db" };

        Assert.Equal("/var/lib/aizu/consent-signing-key.pem", ConsentOptions.ResolveSigningKeyPath(options));
        options.SigningKeyPath = "/etc/aizu/receipts.pem";
        Assert.Equal("/etc/aizu/receipts.pem", ConsentOptions.ResolveSigningKeyPath(options));
    }
}
