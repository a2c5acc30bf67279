namespace Aizu.Gateway.Tests.Identity;

/// <summary>The device identity: made once from the injected randomness, private key 0600, a request the city can sign, nothing written before it is persisted.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DeviceIdentityTests
{
    [Fact]
    public async Task FirstStart_MakesAKeyReadableByItsOwnerOnly_AnIdFromTheInjectedRandomness_AndARequestNamingIt()
    {
        using var directory = new TemporaryDirectory();
        var files = new DeviceIdentityFiles(directory.File("identity"));
        using var random = new CountingRandom();

        using (var prepared = DeviceIdentity.Prepare(files, random))
        {
            // Prepared, not persisted: a configuration that fails afterwards leaves nothing behind.
            Assert.False(Directory.Exists(files.Directory));
            Assert.Equal("gw-00010203040506070809", prepared.GatewayId);
            await prepared.PersistAsync(CancellationToken.None);
        }

        Assert.Equal(Aizu.Files.AtomicFile.OwnerOnly, File.GetUnixFileMode(files.Key));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(files.Directory));
        Assert.Equal("gw-00010203040506070809", (await File.ReadAllTextAsync(files.GatewayId)).Trim());
        var request = CertificateRequest.LoadSigningRequestPem(await File.ReadAllTextAsync(files.Request), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        Assert.Equal("CN=gw-00010203040506070809", request.SubjectName.Name);
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(files.Key));
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), request.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(256, key.KeySize);

        // A second start reads the same identity and draws nothing.
        var drawn = random.Calls;
        using var again = DeviceIdentity.Prepare(files, random);
        Assert.False(again.IsNew);
        Assert.Equal("gw-00010203040506070809", again.GatewayId);
        Assert.Equal(drawn, random.Calls);
    }

    [Fact]
    public async Task AKeyOthersCanRead_IsRefused_WithTheFix()
    {
        using var directory = new TemporaryDirectory();
        var files = new DeviceIdentityFiles(directory.File("identity"));
        (await DeviceIdentity.LoadOrCreateAsync(files, RandomNumberGenerator.Create(), CancellationToken.None)).Dispose();
        File.SetUnixFileMode(files.Key, Aizu.Files.AtomicFile.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var refused = Assert.Throws<InvalidOperationException>(() => DeviceIdentity.Prepare(files, RandomNumberGenerator.Create()));

        Assert.Contains(files.Key, refused.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGatewayId_IsNotTheDataPseudonym_NorDerivedFromTheEgressSecret()
    {
        // Two identities from independent randomness share nothing, and the id has the id's shape, not a pseudonym's
        // (16 hex characters of an HMAC, docs/uplink.md): nothing on the data topics can be matched against it.
        using var directory = new TemporaryDirectory();
        using var first = DeviceIdentity.Prepare(new DeviceIdentityFiles(directory.File("a")), RandomNumberGenerator.Create());
        using var second = DeviceIdentity.Prepare(new DeviceIdentityFiles(directory.File("b")), RandomNumberGenerator.Create());
        Assert.NotEqual(first.GatewayId, second.GatewayId);
        Assert.Matches("^gw-[0-9a-f]{20}$", first.GatewayId);
        Assert.DoesNotMatch("^[0-9a-f]{16}$", first.GatewayId);
    }

    /// <summary>Bytes 0, 1, 2, … in order, counting the calls, so the test sees the id come from the injected generator.</summary>
    private sealed class CountingRandom : RandomNumberGenerator
    {
        private byte next;

        public int Calls { get; private set; }

        public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

        public override void GetBytes(Span<byte> data)
        {
            Calls++;
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = next++;
            }
        }
    }
}
