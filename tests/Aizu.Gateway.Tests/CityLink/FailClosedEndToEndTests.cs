namespace Aizu.Gateway.Tests.CityLink;

/// <summary>
/// The auditor's attacks of issue 13, on the real gateway process and a real mosquitto with a raw
/// subscriber on <c>#</c>: the household grants hourly energy, data flows, the gateway is stopped, its
/// SQLite file is edited, and it is started again. Each test shows that nothing household-derived (and,
/// for a broken ledger, nothing at all but the gateway's status) leaves, and that the panel says why.
/// Fails (never skips) without mosquitto.
/// </summary>
public sealed class FailClosedEndToEndTests
{
    private static readonly TimeSpan DecidedEarlier = TimeSpan.FromHours(-3);
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Finding1_ForgedEventWithABadHash_StopsAllEgress_PanelAndVerifySayWhy_ReconfirmOnTheConsentScreenResumes()
    {
        await using var scene = await Scene.StartAsync();
        await scene.StopAsync();
        using (var db = scene.Open())
        {
            // A forged, backdated, unrounded grant appended by hand; its hash is wrong.
            var (seq, prev) = Head(db);
            Insert(db, seq + 1, "given", ForgedGrantJson(scene.Grant, version: scene.Grant.Version + 1), "household", prev, new string('f', 64));
        }

        await scene.RestartAndAssertNothingLeavesAsync("the hash chain breaks at event");
        Assert.Equal(5, await scene.ConsentVerifyAsync());

        // Recovery, as the household does it on the Consent screen: it says why nothing is sent (in both languages);
        // the household withdraws what it does not recognise and re-confirms; sending resumes.
        using var browser = HeadlessChromium.Start(Path.Combine(scene.Directory, "chromium"), 1024, 768);
        var wait = PanelPage.Open(browser, scene.Gateway.Http.BaseAddress!, setupCode: null);
        PanelPage.Show(browser, wait, "consent");
        var banner = wait.Until(d => d.FindElement(By.Id("consent-integrity")) is { Displayed: true } b ? b : null)!;
        Assert.Contains("Nothing leaves your home", banner.Text, StringComparison.Ordinal);
        Assert.Contains("the hash chain breaks at event", browser.FindElement(By.Id("consent-integrity-problem")).Text, StringComparison.Ordinal);
        browser.FindElement(By.Id("lang-toggle")).Click();
        wait.Until(d => d.FindElement(By.CssSelector("#consent-integrity h2")).Text.Contains("何も送られていません", StringComparison.Ordinal));
        browser.FindElement(By.Id("lang-toggle")).Click();
        wait.Until(d => d.FindElement(By.CssSelector("#consent-integrity h2")).Text.Contains("Nothing leaves", StringComparison.Ordinal));

        var row = $".consent-row[data-purpose='{CityCouncil.EnergyPurpose}'][data-category='{DataCategories.ElectricImportEnergy}']";
        browser.FindElement(By.CssSelector($"{row} .consent-withdraw")).Click();
        wait.Until(d => d.FindElement(By.CssSelector(row)).GetAttribute("data-status") == "withdrawn");
        Assert.True(browser.FindElement(By.Id("consent-integrity")).Displayed, "a withdrawal alone does not make an edited record trusted");
        browser.FindElement(By.Id("consent-reconfirm")).Click();
        wait.Until(d => !d.FindElement(By.Id("consent-integrity")).Displayed);
        Assert.Contains("Re-confirmed", browser.FindElement(By.Id("consent-message")).Text, StringComparison.Ordinal);
        Assert.Equal(0, await scene.ConsentVerifyAsync());
        await scene.Gateway.WaitForLogAsync("Egress resumed");
        new WebDriverWait(browser, TimeSpan.FromSeconds(60)).Until(d => d.FindElement(By.Id("consent-message")).Text.Contains("Sending has resumed", StringComparison.Ordinal));
        Assert.False(browser.FindElement(By.Id("consent-stopped")).Displayed);
        var status = await scene.Gateway.GetJsonAsync("/api/status");
        Assert.True(status.GetProperty("egress").GetProperty("sending").GetBoolean());
    }

    [Fact]
    public async Task Finding4_ForgedEventWithACorrectHashButNoReceipt_FailsVerify_AndStopsAllEgress()
    {
        await using var scene = await Scene.StartAsync();
        await scene.StopAsync();
        using (var db = scene.Open())
        {
            var (seq, prev) = Head(db);
            var grant = ForgedGrantJson(scene.Grant, version: scene.Grant.Version + 1);
            var time = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            Insert(db, seq + 1, "given", grant, "household", prev, JcsHash(seq + 1, time, "given", scene.Grant.ConsentId, scene.Grant.Version + 1, grant, "household", prev), time);
        }

        await scene.RestartAndAssertNothingLeavesAsync("is a household decision without a receipt signed by this gateway");
        Assert.Equal(5, await scene.ConsentVerifyAsync());
    }

    [Fact]
    public async Task Finding2_AGrantTheCitysSignedCatalogueDoesNotAllow_StopsAllEgress()
    {
        await using var scene = await Scene.StartAsync();
        await scene.StopAsync();

        // Someone with the gateway's files (and so its receipt key) records a grant to a recipient the
        // city never named, through a catalogue signed with their own key instead of the city's.
        using var intruderKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intruderPublic = Path.Combine(scene.Directory, "intruder.pub.pem");
        await File.WriteAllTextAsync(intruderPublic, intruderKey.ExportSubjectPublicKeyInfoPem());
        using (var intruder = scene.City.HouseholdConsents(scene.Gateway.DatabasePath, TimeProvider.System, intruderPublic))
        {
            var catalogue = CityCouncil.Catalogue(DateTimeOffset.UtcNow, sequence: 2, recipient: "data-broker-inc");
            var jws = Es256Jws.Sign(JsonSerializer.SerializeToUtf8Bytes(catalogue, CityCouncil.CatalogueJson), intruderKey, new JwsHeader(Type: "JWT"));
            Assert.Equal(CatalogueStatus.Accepted, (await intruder.GetRequiredService<PurposeCatalogueService>().ApplyAsync(Encoding.UTF8.GetBytes(jws))).Status);
            await intruder.GetRequiredService<ConsentService>().GrantAsync(
                CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Hour, new ValueTransform(0), null, CancellationToken.None);
        }

        await scene.RestartAndAssertNothingLeavesAsync("is not allowed by any purpose catalogue signed by the city");
        Assert.Equal(5, await scene.ConsentVerifyAsync());
    }

    [Fact]
    public async Task Finding3_InjectedOutboxRows_AreQuarantined_NeverSent_WhileConsentedDataGoesOn()
    {
        await using var scene = await Scene.StartAsync();
        await scene.StopAsync();
        string[] injected = ["feed0000000000000000000000000001", "feed0000000000000000000000000002", "feed0000000000000000000000000003"];
        using (var db = scene.Open())
        {
            var pseudonym = scene.DataTopicSeen.Split('/')[^1];
            // Raw 2-second power under a real, active consent, on another topic.
            InjectRow(db, injected[0], 0, $"aizu/v1/dt/{CityCouncil.EnergyPurpose}/elec.power/{pseudonym}", """[{"n":"elec.power","u":"W","v":1234,"t":1}]""",
                retain: false, scene.Grant);
            // A retained consent state and a deletion request nobody decided.
            InjectRow(db, injected[1], 1, $"aizu/v1/consent/{CityCouncil.EnergyPurpose}/{pseudonym}", """{"pseudonym":"x","at":"2026-03-03","grants":[{"consent":"x@1","recipient":"data-broker-inc"}]}""", retain: true, null);
            InjectRow(db, injected[2], 2, $"aizu/v1/consent/{CityCouncil.EnergyPurpose}/{pseudonym}/deletion", """{"request":"delete","consents":["x@1"]}""", retain: false, null);
        }

        var mark = scene.City.Recorder.Messages.Count;
        await scene.Gateway.StartAgainAsync();
        await scene.Gateway.WaitForLogAsync("QUARANTINED");
        await Task.Delay(Watch);
        var after = scene.City.Recorder.Messages.Skip(mark).ToList();
        Assert.DoesNotContain(after, m => injected.Contains(m.CorrelationData));
        Assert.DoesNotContain(after, m => m.Topic.Contains("elec.power", StringComparison.Ordinal) || m.Text.Contains("data-broker-inc", StringComparison.Ordinal));

        var states = await QueryAsync(scene.Gateway.DatabasePath, "SELECT msg_id, state, last_reason FROM egress_outbox WHERE msg_id LIKE 'feed%' ORDER BY msg_id;");
        Assert.Equal(3, states.Count);
        Assert.All(states, row =>
        {
            Assert.Equal("3", row[1]);
            Assert.StartsWith("quarantined:", row[2], StringComparison.Ordinal);
        });
        Assert.Contains("QUARANTINED", scene.Gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding4_EgressLogRowDeleted_EgressVerifySaysWhereTheChainBreaks()
    {
        await using var scene = await Scene.StartAsync();
        await Eventually.TrueAsync(async () => (await QueryAsync(scene.Gateway.DatabasePath, "SELECT id FROM egress_log;")).Count >= 3, TimeSpan.FromSeconds(30),
            () => "fewer than three sends logged");
        await scene.StopAsync();
        Assert.Equal(0, await scene.EgressVerifyAsync());
        var before = (await scene.DoctorAsync()).Report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "egress log");
        Assert.Equal("ok", before.GetProperty("outcome").GetString());

        var ids = (await QueryAsync(scene.Gateway.DatabasePath, "SELECT id FROM egress_log ORDER BY id;")).Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        using (var db = scene.Open())
        {
            Execute(db, $"DELETE FROM egress_log WHERE id = {ids[1]};");
        }

        var output = new StringWriter();
        Assert.Equal(5, await scene.EgressVerifyAsync(output));
        Assert.Contains($"BROKEN at row {ids[2]}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"rows {ids[1]}–{ids[1]} are missing", output.ToString(), StringComparison.Ordinal);
        var (code, doctor) = await scene.DoctorAsync();
        Assert.Equal(5, code);
        var log = doctor.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "egress log");
        Assert.Equal("fail", log.GetProperty("outcome").GetString());
        Assert.Contains($"BROKEN at row {ids[2]}", log.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // As the consent store writes a grant (camelCase, enums by name, no nulls), so the forged row reads back.
    private static readonly JsonSerializerOptions GrantJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static string ForgedGrantJson(ConsentGrant grant, int version)
    {
        var forged = grant with
        {
            Version = version,
            ValidFrom = grant.ValidFrom.AddDays(-30),
            Transform = new ValueTransform(0),
            Status = ConsentStatus.Given,
        };
        var node = JsonNode.Parse(JsonSerializer.Serialize(forged, GrantJson))!;
        return node.ToJsonString();
    }

    // The ledger hash exactly as docs/privacy.md tells anyone to recompute it (RFC 8785 over ASCII text).
    private static string JcsHash(long seq, string time, string type, string consentId, long version, string grant, string actor, string prev)
    {
        static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"{{\"actor\":{Quote(actor)},\"consentId\":{Quote(consentId)},\"grant\":{Quote(grant)},\"prevHash\":{Quote(prev)},\"seq\":{seq},\"time\":{Quote(time)},\"type\":{Quote(type)},\"version\":{version}}}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static (long Seq, string Hash) Head(SqliteConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM consent_event ORDER BY seq DESC LIMIT 1;";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static void Insert(SqliteConnection db, long seq, string type, string grantJson, string actor, string prev, string hash, string? time = null)
    {
        using var grant = JsonDocument.Parse(grantJson);
        using var command = db.CreateCommand();
        command.CommandText = "INSERT INTO consent_event(seq, time, type, consent_id, version, grant_json, actor, prev_hash, hash) VALUES ($seq, $time, $type, $id, $version, $grant, $actor, $prev, $hash);";
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$time", time ?? DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$id", grant.RootElement.GetProperty("consentId").GetString());
        command.Parameters.AddWithValue("$version", grant.RootElement.GetProperty("version").GetInt32());
        command.Parameters.AddWithValue("$grant", grantJson);
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$prev", prev);
        command.Parameters.AddWithValue("$hash", hash);
        command.ExecuteNonQuery();
    }

    private static void InjectRow(SqliteConnection db, string id, int kind, string topic, string payload, bool retain, ConsentGrant? terms)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO egress_outbox(msg_id, kind, topic, payload, content_type, user_properties, retain, consent_ref, consent_id, consent_version,
                category, granularity, purpose, recipient, created_ms, state, attempts, next_attempt_ms)
            VALUES ($id, $kind, $topic, $payload, 'application/json', $props, $retain, $ref, $cid, $cver, $cat, $gran, $purpose, $recipient, 0, 0, 0, 0);
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$payload", Encoding.UTF8.GetBytes(payload));
        command.Parameters.AddWithValue("$props", $$"""[["msg-id","{{id}}"]]""");
        command.Parameters.AddWithValue("$retain", retain ? 1 : 0);
        command.Parameters.AddWithValue("$ref", (object?)terms?.Reference ?? DBNull.Value);
        command.Parameters.AddWithValue("$cid", (object?)terms?.ConsentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$cver", (object?)terms?.Version ?? DBNull.Value);
        command.Parameters.AddWithValue("$cat", (object?)terms?.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("$gran", (object?)terms?.Granularity ?? DBNull.Value);
        command.Parameters.AddWithValue("$purpose", (object?)terms?.Purpose ?? DBNull.Value);
        command.Parameters.AddWithValue("$recipient", (object?)terms?.Recipient ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<List<string[]>> QueryAsync(string database, string sql)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }

    /// <summary>A city, a gateway with an hourly grant whose data has reached the broker, and the tools to tamper with it.</summary>
    private sealed class Scene(TemporaryDirectory temporary, CityCouncil city, CityGateway gateway, ConsentGrant grant, string dataTopic) : IAsyncDisposable
    {

        public CityCouncil City { get; } = city;

        public CityGateway Gateway { get; } = gateway;

        public ConsentGrant Grant { get; } = grant;

        public string DataTopicSeen { get; } = dataTopic;

        public string Directory => temporary.Path;

        public static async Task<Scene> StartAsync()
        {
            var directory = new TemporaryDirectory();
            var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
            var home = Path.Combine(directory.Path, "home");
            var database = Path.Combine(home, "aizu-demo-data", "aizu.db");
            var clock = new ShiftedTimeProvider(DecidedEarlier);
            var catalogue = city.SignCatalogue(clock.GetUtcNow());
            ConsentGrant grant;
            using (var household = city.HouseholdConsents(database, clock))
            {
                Assert.Equal(CatalogueStatus.Accepted, (await household.GetRequiredService<PurposeCatalogueService>().ApplyAsync(Encoding.UTF8.GetBytes(catalogue))).Status);
                grant = (await household.GetRequiredService<ConsentService>().GrantAsync(
                    CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Hour, null, null, CancellationToken.None)).Grant;
            }

            await city.PublishCatalogueAsync(catalogue);
            var gateway = await CityGateway.StartAsync(home, city.Broker.Port, "gw-failclosed-01", "07202-kitaaizu", city.PublicKeyFile);
            var data = $"aizu/v1/dt/{CityCouncil.EnergyPurpose}/{DataCategories.ElectricImportEnergy}/";
            await Eventually.TrueAsync(() => city.Recorder.Messages.Any(m => m.Topic.StartsWith(data, StringComparison.Ordinal)), TimeSpan.FromSeconds(40),
                () => $"no consented aggregate appeared before the attack:{Environment.NewLine}{gateway.Output}");
            return new Scene(directory, city, gateway, grant, city.Recorder.Messages.First(m => m.Topic.StartsWith(data, StringComparison.Ordinal)).Topic);
        }

        public Task StopAsync() => Gateway.StopAsync();

        public SqliteConnection Open()
        {
            var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Gateway.DatabasePath, Pooling = false }.ToString());
            db.Open();
            return db;
        }

        /// <summary>Starts the gateway on the edited file and checks that only its status leaves, and that the panel says why.</summary>
        public async Task RestartAndAssertNothingLeavesAsync(string reason)
        {
            var mark = City.Recorder.Messages.Count;
            await Gateway.StartAgainAsync();
            await Gateway.WaitForLogAsync("Egress STOPPED");
            await Task.Delay(Watch);
            var after = City.Recorder.Messages.Skip(mark).Where(m => m.Topic != WireTopics.Catalogue).ToList();
            Assert.All(after, m => Assert.Equal($"aizu/v1/status/{Gateway.GatewayId}", m.Topic));
            Assert.Single(Gateway.Output.Split('\n'), line => line.Contains("Egress STOPPED", StringComparison.Ordinal));
            Assert.Contains(reason, Gateway.Output, StringComparison.Ordinal);

            var status = (await Gateway.GetJsonAsync("/api/status")).GetProperty("egress");
            Assert.False(status.GetProperty("sending").GetBoolean());
            Assert.Contains(reason, status.GetProperty("stoppedBecause").GetString(), StringComparison.Ordinal);
            Assert.Contains("aizu consent reconfirm", status.GetProperty("whatToDo").GetString(), StringComparison.Ordinal);
            var integrity = (await Gateway.GetJsonAsync("/api/consent")).GetProperty("integrity");
            Assert.False(integrity.GetProperty("trusted").GetBoolean());
            Assert.False(integrity.GetProperty("sending").GetBoolean());
            Assert.Contains(reason, integrity.GetProperty("problem").GetString(), StringComparison.Ordinal);

            // The installer's tool says the same: the ledger fails, why, and what to do.
            var (code, doctor) = await DoctorAsync();
            Assert.Equal(5, code);
            Assert.False(doctor.GetProperty("healthy").GetBoolean());
            var ledger = doctor.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "consent ledger");
            Assert.Equal("fail", ledger.GetProperty("outcome").GetString());
            Assert.Contains(reason, ledger.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("aizu consent reconfirm", ledger.GetProperty("fix").GetString(), StringComparison.Ordinal);
        }

        /// <summary><c>aizu doctor --json</c> on this gateway's configuration and database.</summary>
        public async Task<(int Code, JsonElement Report)> DoctorAsync()
        {
            var output = new StringWriter();
            var code = await GatewayCommandLine.Create(output, output)
                .Parse(["doctor", "--json", "--config", Path.Combine(Gateway.Directory, "aizu.json"), "--database", Gateway.DatabasePath]).InvokeAsync();
            using var document = JsonDocument.Parse(output.ToString());
            return (code, document.RootElement.Clone());
        }

        public async Task<int> ConsentVerifyAsync()
        {
            var output = new StringWriter();
            var code = await GatewayCommandLine.Create(output, output)
                .Parse(["consent", "verify", "--config", Path.Combine(Gateway.Directory, "aizu.json"), "--database", Gateway.DatabasePath]).InvokeAsync();
            return code;
        }

        public async Task<int> EgressVerifyAsync(StringWriter? output = null)
        {
            output ??= new StringWriter();
            return await GatewayCommandLine.Create(output, output).Parse(["egress", "verify", "--database", Gateway.DatabasePath]).InvokeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await City.DisposeAsync();
            temporary.Dispose();
        }
    }
}
