namespace Aizu.Testing.City;

/// <summary>
/// The city side of the end-to-end tests: a real mosquitto (failing, never skipping, when it is missing),
/// a raw subscriber on <c>#</c>, the city's signing key made with <c>aizu-city key generate</c>, and its
/// signed purpose catalogue (energy planning, and the separate safety-confirmation purpose for "I'm safe").
/// </summary>
public sealed class CityCouncil : IAsyncDisposable
{
    public const string EnergyPurpose = "city-energy-planning";
    public const string SafetyPurpose = "safety-confirmation";

    public static readonly JsonSerializerOptions CatalogueJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private CityCouncil(string directory, MosquittoBroker broker, BrokerRecorder recorder)
    {
        Directory = directory;
        Broker = broker;
        Recorder = recorder;
    }

    public string Directory { get; }

    public MosquittoBroker Broker { get; }

    public BrokerRecorder Recorder { get; }

    public string SigningKeyFile => Path.Combine(Directory, "city.pem");

    public string PublicKeyFile => Path.Combine(Directory, "city.pub.pem");

    public string BrokerUrl => $"mqtt://127.0.0.1:{Broker.Port}";

    public static async Task<CityCouncil> StartAsync(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var broker = await MosquittoBroker.StartAsync();
        var recorder = await BrokerRecorder.StartAsync(broker.Port, TimeProvider.System);
        var city = new CityCouncil(directory, broker, recorder);
        await CityTool.RunOkAsync("key", "generate", "--out", city.SigningKeyFile);
        return city;
    }

    /// <summary>Signs <paramref name="capXml"/> and publishes it retained with <c>aizu-city alert publish</c>.</summary>
    public async Task PublishAlertAsync(string capXml, string name, string? signingKeyFile = null)
    {
        var file = Path.Combine(Directory, name + ".xml");
        await File.WriteAllTextAsync(file, capXml);
        await CityTool.RunOkAsync("alert", "publish", file, "--sign", signingKeyFile ?? SigningKeyFile, "--broker", BrokerUrl);
    }

    /// <summary>Signs <paramref name="capXml"/> with <c>aizu-city alert publish --out</c> and returns the JWS without publishing it.</summary>
    public async Task<string> SignAlertAsync(string capXml, string name)
    {
        var file = Path.Combine(Directory, name + ".xml");
        var signed = Path.Combine(Directory, name + ".jws");
        await File.WriteAllTextAsync(file, capXml);
        await CityTool.RunOkAsync("alert", "publish", file, "--sign", SigningKeyFile, "--out", signed);
        return (await File.ReadAllTextAsync(signed)).Trim();
    }

    /// <summary>Publishes raw bytes retained at QoS 1, as someone with write access to the broker could.</summary>
    public async Task PublishRawAsync(string topic, byte[] payload, uint? expirySeconds = null)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("test-city-" + Guid.NewGuid().ToString("N"))
            .Build());
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true);
        if (expirySeconds is { } expiry)
        {
            message.WithMessageExpiryInterval(expiry);
        }

        await client.PublishAsync(message.Build());
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    /// <summary>The purpose catalogue, signed with the city key (JWS ES256), as the retained catalogue message carries it.</summary>
    public string SignCatalogue(DateTimeOffset issuedAt)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Catalogue(issuedAt), CatalogueJson);
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(SigningKeyFile));
        return Es256Jws.Sign(json, key, new JwsHeader(Type: "JWT"));
    }

    /// <summary>The catalogue's content: energy planning (to <paramref name="recipient"/>) and safety confirmation.</summary>
    public static PurposeCatalogue Catalogue(DateTimeOffset issuedAt, long sequence = 1, string recipient = "city-energy-office") =>
        new(
            "Aizuwakamatsu City, Smart City Division",
            sequence,
            issuedAt,
            "https://city.example/privacy/energy-gateway",
            new CatalogueController("Aizuwakamatsu City", Email: "privacy@city.example"),
            [
                new Purpose(
                    EnergyPurpose, 1,
                    new LocalizedText("地区のエネルギー計画", "District energy planning"),
                    new LocalizedText("時間ごとの購入電力量を地区計画に使います。在宅時間がわかる可能性があります。", "Hourly energy bought, for district planning; it can reveal when you are at home."),
                    "https://w3id.org/dpv#ImprovePublicServices", recipient, false,
                    [DataCategories.ElectricImportEnergy], [Granularity.Hour, Granularity.Day], "P24M"),
                new Purpose(
                    SafetyPurpose, 1,
                    new LocalizedText("安否確認", "Safety confirmation"),
                    new LocalizedText("避難指示のとき「確認しました」を市に送ります。その地区にいることがわかります。", "Your 'I am safe' for an alert goes to the city; it shows you were in the alert's area."),
                    "https://w3id.org/dpv#PublicBenefit", "city-disaster-office", false,
                    [DataCategories.AlertAcknowledgement], [Granularity.Day], "P6M"),
            ]);

    /// <summary>Publishes the catalogue retained on <c>aizu/v1/catalogue</c>.</summary>
    public Task PublishCatalogueAsync(string jws) => PublishRawAsync(WireTopics.Catalogue, Encoding.UTF8.GetBytes(jws));

    /// <summary>
    /// The household's own consent service on the gateway's database file, as the panel or <c>aizu consent</c>
    /// uses it; <paramref name="clock"/> decides when its decisions are recorded.
    /// </summary>
    public ServiceProvider HouseholdConsents(string databasePath, TimeProvider clock, string? cityPublicKeyFile = null)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(clock);
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityPublicKeyPem"] = File.ReadAllText(cityPublicKeyFile ?? PublicKeyFile),
        }).Build();
        services.AddAizuConsent(section, o => o.DatabasePath = databasePath);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await Recorder.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
