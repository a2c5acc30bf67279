namespace Aizu.Alerts.Tests;

/// <summary>The city side in tests: a signing key, and signing of CAP XML and key updates.</summary>
internal sealed class TestCity : IDisposable
{
    public TestCity() => Key = P256Keys.Create();

    public ECDsa Key { get; private set; }

    public string PublicPem => P256Keys.ExportPublicPem(Key);

    public byte[] Sign(string xml) => Sign(Encoding.UTF8.GetBytes(xml));

    public byte[] Sign(byte[] xml) => Encoding.ASCII.GetBytes(Es256Jws.Sign(xml, Key, JwsHeader.Thumbprinted(Key, contentType: JwsContentTypes.Cap)));

    /// <summary>Announces <paramref name="next"/> signed with the current key; the city then signs with it.</summary>
    public byte[] Rotate(ECDsa next, DateTimeOffset issued, DateTimeOffset validFrom, DateTimeOffset overlapUntil, bool switchNow = true)
    {
        var update = new KeyUpdate(issued, P256Keys.ExportPublicPem(next), validFrom, overlapUntil);
        var signed = Encoding.ASCII.GetBytes(Es256Jws.Sign(update.ToJson(), Key, JwsHeader.Thumbprinted(Key, contentType: JwsContentTypes.KeyUpdate)));
        if (switchNow)
        {
            Key = next;
        }

        return signed;
    }

    public void Dispose() => Key.Dispose();
}
