namespace Aizu.Alerts.Tests;

public sealed class KeyRotationTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestGateway.Morning;
    private readonly TestCity city = new();
    private readonly TestGateway gateway;

    public KeyRotationTests() => gateway = new TestGateway(city.PublicPem);

    [Fact]
    public async Task Rotation_BothKeysDuringTheOverlapThenOnlyTheNewOne()
    {
        var pinned = city.Key;
        using var next = P256Keys.Create();
        var update = city.Rotate(next, Now, Now.AddHours(1), Now.AddDays(7), switchNow: false);

        Assert.Equal(AlertOutcome.KeyUpdated, (await gateway.Inbox.ReceiveAsync(update, new AlertDelivery(WireTopics.AlertKeys, true, null), CancellationToken.None)).Outcome);

        // Before validFrom: the next key is not trusted yet.
        Assert.Equal(AlertOutcome.RejectedBadSignature, (await gateway.ReceiveAsync(SignWith(next, Alert("n-0", Now)))).Outcome);
        Assert.Equal(AlertOutcome.Shown, (await gateway.ReceiveAsync(SignWith(pinned, Alert("o-0", Now)))).Outcome);

        // During the overlap both are accepted.
        gateway.Time.SetUtcNow(Now.AddHours(2));
        Assert.Equal(AlertOutcome.Shown, (await gateway.ReceiveAsync(SignWith(next, Alert("n-1", Now.AddHours(2))))).Outcome);
        Assert.Equal(AlertOutcome.Shown, (await gateway.ReceiveAsync(SignWith(pinned, Alert("o-1", Now.AddHours(2))))).Outcome);

        // After the overlap only the new key.
        gateway.Time.SetUtcNow(Now.AddDays(7));
        Assert.Equal(AlertOutcome.Shown, (await gateway.ReceiveAsync(SignWith(next, Alert("n-2", Now.AddDays(7))))).Outcome);
        Assert.Equal(AlertOutcome.RejectedBadSignature, (await gateway.ReceiveAsync(SignWith(pinned, Alert("o-2", Now.AddDays(7))))).Outcome);

        var status = await gateway.Keys.GetStatusAsync(CancellationToken.None);
        Assert.Equal([JwkThumbprint.Of(next)], status.TrustedNow);
    }

    [Fact]
    public async Task Rotation_IsRememberedAcrossARestart()
    {
        var update = city.Rotate(P256Keys.Create(), Now, Now, Now.AddDays(1));
        await gateway.ReceiveAsync(update);
        gateway.Time.SetUtcNow(Now.AddDays(2));

        using var restarted = gateway.Restart();
        var receipt = await restarted.ReceiveAsync(city.Sign(Alert("after", Now.AddDays(2))));

        Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
    }

    [Fact]
    public async Task Rotation_RetainedUpdateDeliveredAgain_IsADuplicate()
    {
        var update = city.Rotate(P256Keys.Create(), Now, Now, Now.AddDays(1));
        await gateway.ReceiveAsync(update);
        using var restarted = gateway.Restart();

        Assert.Equal(AlertOutcome.KeyUpdateAlreadyApplied, (await gateway.ReceiveAsync(update, retained: true)).Outcome);
        Assert.Equal(AlertOutcome.KeyUpdateAlreadyApplied, (await restarted.ReceiveAsync(update, retained: true)).Outcome);
    }

    [Fact]
    public async Task Rotation_SignedByAnUntrustedKey_IsRejected()
    {
        using var attacker = new TestCity();

        var receipt = await gateway.ReceiveAsync(attacker.Rotate(P256Keys.Create(), Now, Now, Now.AddDays(1)));

        Assert.Equal(AlertOutcome.RejectedBadSignature, receipt.Outcome);
        Assert.Single((await gateway.Keys.GetStatusAsync(CancellationToken.None)).TrustedNow);
    }

    [Fact]
    public async Task Rotation_OlderUpdateReplayed_IsRejected()
    {
        var second = P256Keys.Create();
        var newer = city.Rotate(second, Now, Now.AddDays(30), Now.AddDays(31), switchNow: false);
        var older = city.Rotate(P256Keys.Create(), Now.AddMinutes(-10), Now, Now.AddDays(1), switchNow: false);
        await gateway.ReceiveAsync(newer);

        var receipt = await gateway.ReceiveAsync(older);

        Assert.Equal(AlertOutcome.RejectedKeyUpdate, receipt.Outcome);
        Assert.Contains("replay", receipt.Detail, StringComparison.Ordinal);
        second.Dispose();
    }

    [Fact]
    public async Task Rotation_OverlongOverlap_IsRejected()
    {
        var receipt = await gateway.ReceiveAsync(city.Rotate(P256Keys.Create(), Now, Now, Now.AddDays(91), switchNow: false));

        Assert.Equal(AlertOutcome.RejectedKeyUpdate, receipt.Outcome);
        Assert.Contains("at most 90", receipt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_KeyUpdateCannotBePassedOffAsAnAlert()
    {
        // A key update signed as if it were CAP: the signed content type decides, and it is not CAP XML.
        var update = new KeyUpdate(Now, P256Keys.ExportPublicPem(city.Key), Now, Now.AddDays(1));
        var asCap = System.Text.Encoding.ASCII.GetBytes(Es256Jws.Sign(update.ToJson(), city.Key, JwsHeader.Thumbprinted(city.Key, contentType: JwsContentTypes.Cap)));

        Assert.Equal(AlertOutcome.RejectedMalformed, (await gateway.ReceiveAsync(asCap)).Outcome);
    }

    [Fact]
    public async Task PinChangedInConfiguration_ForgetsEarlierRotations()
    {
        var rotated = P256Keys.Create();
        await gateway.ReceiveAsync(city.Rotate(rotated, Now, Now, Now.AddDays(1)));
        using var newPin = new TestCity();

        using var repinned = new TestGateway(newPin.PublicPem, time: gateway.Time, directory: gateway.StateDirectory);
        var status = await repinned.Keys.GetStatusAsync(CancellationToken.None);

        Assert.Equal([JwkThumbprint.Of(newPin.Key)], status.TrustedNow);
        Assert.Null(status.NextKeyId);
    }

    [Fact]
    public async Task DamagedKeyState_FallsBackToThePinnedKey()
    {
        await File.WriteAllTextAsync(gateway.Options.KeyStateFile, "{ not json");

        var receipt = await gateway.ReceiveAsync(city.Sign(Alert("pinned", Now)));

        Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
    }

    public void Dispose()
    {
        gateway.Dispose();
        city.Dispose();
    }

    private static byte[] SignWith(System.Security.Cryptography.ECDsa key, string xml) =>
        System.Text.Encoding.ASCII.GetBytes(Es256Jws.Sign(System.Text.Encoding.UTF8.GetBytes(xml), key, JwsHeader.Thumbprinted(key, contentType: JwsContentTypes.Cap)));

    private static string Alert(string identifier, DateTimeOffset sent) => CapXml.Alert(identifier, sent, sent.AddHours(1));
}
