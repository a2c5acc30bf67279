namespace Aizu.Egress.Tests.Configuration;

public sealed class EgressConfigurationTests
{
    [Fact]
    public void MissingOrBadSettings_FailAtStartUp_NamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:Egress:GatewayId"] = "GW/1",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddAizuEgress(configuration.GetSection("Aizu:Egress")).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EgressOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains("Aizu:Egress:DatabasePath", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Aizu:Egress:GatewayId", StringComparison.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task SecretFile_IsCreatedOwnerOnly_AndRefusedWhenOthersCanRead()
    {
        var directory = Directory.CreateTempSubdirectory("aizu-secret-").FullName;
        try
        {
            var path = Path.Combine(directory, "sub", "pseudonym.key");
            var secret = await new FileGatewaySecretProvider(path).GetSecretAsync(CancellationToken.None);

            Assert.Equal(32, secret.Length);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(secret.ToArray(), (await new FileGatewaySecretProvider(path).GetSecretAsync(CancellationToken.None)).ToArray());

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await new FileGatewaySecretProvider(path).GetSecretAsync(CancellationToken.None));
            Assert.Contains("chmod 600", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
