namespace Aizu.Consent.Tests;

public sealed class ReceiptTests : ConsentHarnessTests
{
    [Fact]
    public async Task Grant_IssuesAKantaraReceipt_ThatVerifiesWithTheGatewaysPublicKey()
    {
        await Harness.RequestPlanningAsync();

        var decision = await Harness.GrantPlanningAsync();
        var verification = ReceiptVerifier.Verify(decision.Receipt.Jws, Harness.GatewayPublicKeyPem);

        Assert.True(verification.IsValid, verification.Problem);
        var receipt = verification.Receipt!;
        Assert.Equal("KI-CR-v1.1.0", receipt.Version);
        Assert.Equal("JP", receipt.Jurisdiction);
        Assert.Equal(decision.Event.Time.ToUnixTimeSeconds(), receipt.ConsentTimestamp);
        Assert.Equal(Harness.Options.CollectionMethod, receipt.CollectionMethod);
        Assert.Equal(decision.Receipt.ReceiptId, receipt.ConsentReceiptId);
        Assert.True(Guid.TryParse(receipt.ConsentReceiptId, out _));
        Assert.Equal($"urn:aizu:gw:{JwkThumbprint.Of(Harness.GatewayKey)}", receipt.PiiPrincipalId);
        Assert.Equal("Aizuwakamatsu City (test)", Assert.Single(receipt.PiiControllers).PiiController);
        Assert.Equal("privacy@city.example", receipt.PiiControllers[0].Email);
        Assert.Equal("https://city.example/privacy/energy-gateway", receipt.PolicyUrl);
        var purpose = Assert.Single(Assert.Single(receipt.Services).Purposes);
        Assert.Equal("EXPLICIT", purpose.ConsentType);
        Assert.Equal([DpvPurposes.ImprovePublicServices], purpose.PurposeCategory);
        Assert.Equal(["elec.import.energy per P1D"], purpose.PiiCategory);
        Assert.False(purpose.ThirdPartyDisclosure);
        Assert.Null(purpose.ThirdPartyName);
        Assert.Contains("P24M", purpose.Termination, StringComparison.Ordinal);
        Assert.False(receipt.Sensitive);
        Assert.Empty(receipt.SpiCat);
        Assert.Equal(decision.Grant, receipt.Consent.Grant);
        Assert.Equal("given", receipt.Consent.Event);
        Assert.Equal("https://w3id.org/dpv#ConsentGiven", receipt.Consent.Status);
        Assert.Equal("household", receipt.Consent.Actor);
        Assert.Equal(decision.Event.Seq, receipt.Consent.LedgerSeq);
        Assert.Equal(decision.Event.Hash, receipt.Consent.LedgerHash);
        Assert.Equal(1, receipt.Consent.CatalogueSequence);
    }

    [Fact]
    public async Task ReceiptJson_UsesTheKantaraFieldNames_AndTheJwsHeaderNamesTheKey()
    {
        await Harness.RequestPlanningAsync();
        var jws = (await Harness.GrantPlanningAsync()).Receipt.Jws;
        var parts = jws.Split('.');

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));

        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(JwkThumbprint.Of(Harness.GatewayKey), header.RootElement.GetProperty("kid").GetString());
        Assert.Equal(64, Base64Url.DecodeFromChars(parts[2]).Length);
        foreach (var name in new[] { "version", "jurisdiction", "consentTimestamp", "collectionMethod", "consentReceiptID", "piiPrincipalId", "piiControllers", "policyUrl", "services", "sensitive", "spiCat", "language" })
        {
            Assert.True(payload.RootElement.TryGetProperty(name, out _), $"receipt lacks {name}");
        }

        Assert.Equal(JsonValueKind.Number, payload.RootElement.GetProperty("consentTimestamp").ValueKind);
        var purpose = payload.RootElement.GetProperty("services")[0].GetProperty("purposes")[0];
        foreach (var name in new[] { "purpose", "purposeCategory", "consentType", "piiCategory", "primaryPurpose", "termination", "thirdPartyDisclosure" })
        {
            Assert.True(purpose.TryGetProperty(name, out _), $"purpose lacks {name}");
        }
    }

    [Fact]
    public async Task Receipt_WithAnyCharacterChanged_FailsVerification()
    {
        await Harness.RequestPlanningAsync();
        var jws = (await Harness.GrantPlanningAsync()).Receipt.Jws;
        var publicKey = Harness.GatewayPublicKeyPem;

        Gen.Select(Gen.Int[0, jws.Length - 1], Gen.Int[1, 93]).Sample((index, shift) =>
        {
            var original = jws[index];
            var replaced = (char)('!' + ((original - '!' + shift) % 94));
            var tampered = string.Concat(jws.AsSpan(0, index), replaced.ToString(), jws.AsSpan(index + 1));

            Assert.False(ReceiptVerifier.Verify(tampered, publicKey).IsValid, $"position {index}: {original} → {replaced}");
        }, iter: 500);
    }

    [Fact]
    public async Task Receipt_WithEveryLastCharacterOfEachPartChanged_FailsVerification()
    {
        await Harness.RequestPlanningAsync();
        var jws = (await Harness.GrantPlanningAsync()).Receipt.Jws;
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        // The last base64url character carries spare bits: only canonical encodings are accepted.
        foreach (var end in new[] { jws.IndexOf('.', StringComparison.Ordinal) - 1, jws.LastIndexOf('.') - 1, jws.Length - 1 })
        {
            foreach (var c in Alphabet.Where(c => c != jws[end]))
            {
                var tampered = string.Concat(jws.AsSpan(0, end), c.ToString(), jws.AsSpan(end + 1));
                Assert.False(ReceiptVerifier.Verify(tampered, Harness.GatewayPublicKeyPem).IsValid);
            }
        }
    }

    [Fact]
    public async Task Receipt_CheckedWithAnotherKey_Fails()
    {
        await Harness.RequestPlanningAsync();
        var jws = (await Harness.GrantPlanningAsync()).Receipt.Jws;
        using var other = P256Keys.Create();

        var verification = ReceiptVerifier.Verify(jws, P256Keys.ExportPublicPem(other));

        Assert.False(verification.IsValid);
        Assert.Contains("does not match", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachHouseholdDecision_HasItsOwnReceipt_AndTheGatewaysRulesHaveNone()
    {
        var request = await Harness.RequestPlanningAsync();
        await Harness.Consents.DeferAsync(request.ConsentId, None);
        var given = await Harness.GrantPlanningAsync(expiresIn: TimeSpan.FromDays(40));
        Harness.Time.Advance(TimeSpan.FromDays(10));
        await Harness.Consents.RenewAsync(request.ConsentId, TimeSpan.FromDays(1), None);
        Harness.Time.Advance(TimeSpan.FromDays(2));
        await Harness.Consents.RecordDueEventsAsync(None);
        var regranted = await Harness.GrantPlanningAsync();
        var withdrawn = await Harness.Consents.WithdrawAsync(request.ConsentId, None);

        var receipts = await Harness.Consents.GetReceiptsAsync(request.ConsentId, None);

        var events = receipts.Select(r => ReceiptVerifier.Verify(r.Jws, Harness.GatewayPublicKeyPem))
            .Select(v => Assert.IsType<ConsentReceipt>(v.Receipt).Consent.Event)
            .ToList();
        Assert.Equal(["deferred", "given", "renewed", "given", "withdrawn"], events);
        Assert.Equal(receipts.Count, receipts.Select(r => r.ReceiptId).Distinct().Count());
        Assert.Equal(withdrawn.Receipt, receipts[^1]);
        Assert.Equal(given.Grant.Version + 1, regranted.Grant.Version);
    }

    [Fact]
    public void Verifier_RejectsAKeyThatIsNotAPublicP256Key()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        using var p256 = P256Keys.Create();

        Assert.False(ReceiptVerifier.Verify("a.b.c", p384.ExportSubjectPublicKeyInfoPem()).IsValid);
        Assert.False(ReceiptVerifier.Verify("a.b.c", p256.ExportPkcs8PrivateKeyPem()).IsValid);
        Assert.False(ReceiptVerifier.Verify("a.b.c", "not a key").IsValid);
    }
}
