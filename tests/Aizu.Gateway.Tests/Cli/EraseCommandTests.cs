namespace Aizu.Gateway.Tests.Cli;

/// <summary>
/// <c>aizu erase</c>: the household leaves the device with nothing of theirs on it, and only after the city confirmed
/// deleting what it received (or the household said --force).
/// </summary>
public sealed class EraseCommandTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly ECDsa city = P256Keys.Create();

    public void Dispose()
    {
        city.Dispose();
        directory.Dispose();
    }

    private string DataDirectory => directory.File("data");

    private string Database => Path.Combine(DataDirectory, "aizu.db");

    [Fact]
    public async Task Erase_ListsFirst_ThenRemovesEveryHouseholdFile_AndTheConfigOnlyWhenAsked()
    {
        var config = await GatewayAsync();

        // A consent given and taken back: its receipts were signed with the gateway's own key.
        await using (var services = Services())
        {
            var consents = services.GetRequiredService<ConsentService>();
            var given = await consents.GrantAsync(CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Default, null, null, CancellationToken.None);
            await consents.WithdrawAsync(given.Grant.ConsentId, CancellationToken.None);
        }

        string[] household =
        [
            Database,
            Path.Combine(DataDirectory, "consent-signing-key.pem"),
            Path.Combine(DataDirectory, "panel-access.json"),
            Path.Combine(DataDirectory, "panel-keys"),
            Path.Combine(DataDirectory, "identity"),
            directory.File("keys/pseudonym.key"),
            directory.File("keys/outbox.key"),
        ];
        Assert.All(household, p => Assert.True(File.Exists(p) || Directory.Exists(p), p));
        var bystander = directory.File("keys/other-program.conf");
        await File.WriteAllTextAsync(bystander, "not the household's");

        // Without --yes: a list, nothing touched.
        var (code, output, error) = await GatewayRun.InvokeAsync(["erase", "--config", config]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.All(household, p => Assert.Contains(p, output, StringComparison.Ordinal));
        Assert.Contains("--include-config", output, StringComparison.Ordinal);
        Assert.All(household, p => Assert.True(File.Exists(p) || Directory.Exists(p), p));

        (code, output, error) = await GatewayRun.InvokeAsync(["erase", "--config", config, "--yes"]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.All(household, p => Assert.False(File.Exists(p) || Directory.Exists(p), $"{p} is still there"));
        Assert.All(household, p => Assert.Contains($"Removed {p}", output, StringComparison.Ordinal));
        Assert.True(File.Exists(config));
        Assert.True(File.Exists(bystander));

        // Asked for: the configuration with the B-route password goes too.
        await GatewayAsync();
        (code, _, error) = await GatewayRun.InvokeAsync(["erase", "--config", config, "--yes", "--include-config"]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.False(File.Exists(config));
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Erase_IsRefusedInOneLine_WhileAConsentIsGiven()
    {
        var config = await GatewayAsync();
        await using (var services = Services())
        {
            await services.GetRequiredService<ConsentService>().GrantAsync(CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Default, null, null, CancellationToken.None);
        }

        var (code, _, error) = await GatewayRun.InvokeAsync(["erase", "--config", config, "--yes"]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("1 consent(s) are still given", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Database));
    }

    [Fact]
    public async Task Erase_IsRefused_WhileAnotherProcessHasTheDatabaseOpen()
    {
        var config = await GatewayAsync();
        using var holder = Process.Start(new ProcessStartInfo("tail", ["-f", Database]) { RedirectStandardOutput = true })!;
        try
        {
            await Eventually.TrueAsync(
                () => Task.FromResult(Directory.EnumerateFileSystemEntries($"/proc/{holder.Id}/fd").Any(fd => new FileInfo(fd).LinkTarget == Database)),
                TimeSpan.FromSeconds(10),
                () => "tail opened the database");

            var (code, _, error) = await GatewayRun.InvokeAsync(["erase", "--config", config, "--yes"]);

            Assert.Equal(ExitCodes.CannotStart, code);
            Assert.Contains($"process {holder.Id} (tail)", error, StringComparison.Ordinal);
            Assert.True(File.Exists(Database));
        }
        finally
        {
            holder.Kill();
            await holder.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Erase_WaitsForTheCitysSignedConfirmation_ThenShowsIt()
    {
        var config = await GatewayAsync();
        string requestId, topic;
        DataSet dataSet;
        ConsentGrant grant;
        await using (var services = Services())
        {
            var consents = services.GetRequiredService<ConsentService>();
            var given = await consents.GrantAsync(CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Default, null, null, CancellationToken.None);
            await consents.WithdrawAsync(given.Grant.ConsentId, CancellationToken.None);
            grant = (await consents.GetGrantsAsync(CancellationToken.None)).Single(g => g.ConsentId == given.Grant.ConsentId);

            // The deletion request the egress side queues for a data set it sent data in.
            dataSet = await services.GetRequiredService<DataSets>().AtAsync(grant.Purpose, grant.Recipient, DateTimeOffset.UtcNow, CancellationToken.None);
            var request = await services.GetRequiredService<EgressPolicy>().CreateDeletionRequestAsync(grant, dataSet, [grant.Version], false, CancellationToken.None);
            var policy = services.GetRequiredService<EgressPolicy>();
            await services.GetRequiredService<EgressJournal>().CommitConsentMessagesAsync(
                [(dataSet, "cleared", policy.CreateClearedConsentState(dataSet))], [(grant.Reference, dataSet.Pseudonym, request)], CancellationToken.None);
            requestId = request.MessageId;
            topic = WireTopics.DeletionConfirmation(dataSet.Purpose, dataSet.Pseudonym);
        }

        var (code, output, error) = await GatewayRun.InvokeAsync(["erase", "--config", config, "--yes"]);
        Assert.True(code == ExitCodes.BadInput, output + error);
        Assert.Contains("1 deletion request(s) to the city (city-energy-planning) are not confirmed yet", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Database));

        await using (var services = Services())
        {
            var at = new DateTimeOffset(2026, 12, 6, 5, 30, 0, TimeSpan.Zero);
            var confirmation = new DeletionConfirmationMessage("opaque-ref", dataSet.Purpose, grant.Category, dataSet.Pseudonym, "city-energy-office", requestId, 17, at);
            var signed = Encoding.ASCII.GetBytes(Es256Jws.Sign(DeletionConfirmationPayload.Write(confirmation), city, JwsHeader.Thumbprinted(city, contentType: JwsContentTypes.DeletionConfirmation)));
            Assert.NotNull(await services.GetRequiredService<DeletionConfirmationReceiver>().AcceptAsync(topic, signed, CancellationToken.None));
        }

        (code, output, error) = await GatewayRun.InvokeAsync(["erase", "--config", config, "--yes"]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("The city (city-energy-office) confirmed on 2026-12-06 05:30 UTC that it deleted 17 stored window(s) of city-energy-planning", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    // A gateway's files as a first start leaves them: the database with its consent and egress tables, the receipt key,
    // the panel's password and keys, the pseudonym secret and outbox key in their own folder; the signed catalogue applied.
    private async Task<string> GatewayAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(directory.File("keys"));
        await File.WriteAllTextAsync(directory.File("city.pub.pem"), P256Keys.ExportPublicPem(city));
        var config = directory.File("aizu.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Aizu = new
            {
                Storage = new { DatabasePath = Database },
                Consent = new { CityPublicKeyPem = P256Keys.ExportPublicPem(city) },
                Egress = new { GatewayId = "gw-erase-test", SecretPath = directory.File("keys/pseudonym.key"), CityConfirmationKeyPem = P256Keys.ExportPublicPem(city) },
            },
        }));

        await using (var services = Services())
        {
            var jws = Es256Jws.Sign(JsonSerializer.SerializeToUtf8Bytes(CityCouncil.Catalogue(DateTimeOffset.UtcNow.AddMinutes(-1)), CityCouncil.CatalogueJson), city, new JwsHeader(Type: "JWT"));
            var applied = await services.GetRequiredService<PurposeCatalogueService>().ApplyAsync(Encoding.UTF8.GetBytes(jws));
            Assert.True(applied.Status == CatalogueStatus.Accepted, applied.Problem);
            _ = await services.GetRequiredService<DataSets>().AtAsync(CityCouncil.EnergyPurpose, "city-energy-office", DateTimeOffset.UtcNow, CancellationToken.None);
            await services.GetRequiredService<IOutboxKeyProvider>().GetKeyAsync(CancellationToken.None);
        }

        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "panel-access.json"), "{}");
        Directory.CreateDirectory(Path.Combine(DataDirectory, "identity"));
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "identity", "gateway-id"), "gw-0123456789abcdef0123");
        Directory.CreateDirectory(Path.Combine(DataDirectory, "panel-keys"));
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "panel-keys", "key-1.xml"), "<key/>");
        return config;
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(directory.File("aizu.json")).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAizuConsent(configuration.GetSection("Aizu:Consent"), o => o.DatabasePath = Database);
        services.AddAizuEgress(configuration.GetSection("Aizu:Egress"));
        services.PostConfigure<EgressOptions>(o => o.DatabasePath = Database);
        return services.BuildServiceProvider();
    }
}
