namespace Aizu.City.Cli;

/// <summary>
/// Checks and signs what the city publishes. The checks are stricter than a gateway's: a gateway shows an
/// inconsistent alert at the higher level, but the city's own tool refuses to sign one.
/// </summary>
internal static class CitySigning
{
    /// <summary>How long the broker keeps a Cancel (or closing Update) without a future CAP expires (long enough for every gateway to reconnect).</summary>
    public static readonly TimeSpan CancelRetention = TimeSpan.FromHours(24);

    /// <summary>Validates <paramref name="capXml"/> and signs it.</summary>
    /// <exception cref="CapFormatException">The alert is not valid or not fit to publish; the message says why.</exception>
    public static SignedMessage SignAlert(byte[] capXml, ECDsa key, DateTimeOffset now)
    {
        var alert = CapParser.Parse(capXml);
        if (alert.Scope != CapScope.Public)
        {
            throw new CapFormatException($"<scope> is {alert.Scope}; the city-wide topic carries Public alerts only.");
        }

        if (alert.MessageType is CapMessageType.Ack or CapMessageType.Error)
        {
            throw new CapFormatException($"<msgType> {alert.MessageType} is not shown on household panels; nothing to publish.");
        }

        if (alert.MessageType is CapMessageType.Update or CapMessageType.Cancel && alert.References.Count == 0)
        {
            throw new CapFormatException($"<msgType> is {alert.MessageType} but <references> is missing: it must name the messages it {(alert.MessageType == CapMessageType.Update ? "updates" : "cancels")}.");
        }

        if (alert.MessageType != CapMessageType.Cancel && alert.Infos.Count == 0)
        {
            throw new CapFormatException($"The {alert.MessageType} has no <info>; gateways would have nothing to show.");
        }

        var classification = EvacuationLevels.Classify(alert);
        if (!classification.IsConsistent)
        {
            throw new CapFormatException("The alert's level and CAP fields disagree: " + string.Join(" ", classification.Inconsistencies));
        }

        TimeSpan lifetime;
        if (alert.Expires is { } expires && expires > now)
        {
            lifetime = expires - now;
        }
        else if (alert.MessageType == CapMessageType.Cancel || (alert.MessageType == CapMessageType.Update && alert.Expires is not null))
        {
            // A Cancel, or an Update that ends an event (expires equal to sent is common), still takes effect on
            // gateways after its expiry; the broker keeps it long enough for every gateway to reconnect.
            lifetime = CancelRetention;
        }
        else if (alert.Expires is { } passed)
        {
            throw new CapFormatException($"<expires> {CapTime.Format(passed)} has passed; gateways would reject it.");
        }
        else
        {
            throw new CapFormatException("Every <info> needs <expires>: the retained message's expiry and the gateways' auto-clear come from it.");
        }

        var jws = Es256Jws.Sign(capXml, key, JwsHeader.Thumbprinted(key, contentType: JwsContentTypes.Cap));
        var seconds = (uint)Math.Clamp(Math.Ceiling(lifetime.TotalSeconds), 1, uint.MaxValue);
        var test = alert.IsTest ? $" [{alert.Status}]" : "";
        return new SignedMessage(jws, seconds, $"{alert.MessageType} {alert.Identifier}{test}, level {classification.Level}, expires in {TimeSpan.FromSeconds(seconds)}");
    }

    /// <summary>Signs a key update announcing <paramref name="next"/> with <paramref name="current"/>.</summary>
    public static SignedMessage SignKeyUpdate(ECDsa current, ECDsa next, DateTimeOffset validFrom, TimeSpan overlap, DateTimeOffset now)
    {
        if (overlap <= TimeSpan.Zero || overlap > KeyUpdate.MaxOverlap)
        {
            throw new ArgumentOutOfRangeException(nameof(overlap), overlap, $"The overlap must be positive and at most {KeyUpdate.MaxOverlap.TotalDays} days.");
        }

        if (JwkThumbprint.Of(current) == JwkThumbprint.Of(next))
        {
            throw new ArgumentException("The next key is the current key.", nameof(next));
        }

        // CAP times have whole seconds; the update's times use the same form.
        var issued = Truncate(now);
        var from = Truncate(validFrom);
        var update = new KeyUpdate(issued, P256Keys.ExportPublicPem(next), from, from + overlap);
        var jws = Es256Jws.Sign(update.ToJson(), current, JwsHeader.Thumbprinted(current, contentType: JwsContentTypes.KeyUpdate));
        return new SignedMessage(jws, null,
            $"Key update: {JwkThumbprint.Of(next)} accepted from {CapTime.Format(from)}; {JwkThumbprint.Of(current)} until {CapTime.Format(from + overlap)}");
    }

    /// <summary>The bytes to publish.</summary>
    public static byte[] Payload(SignedMessage message) => Encoding.ASCII.GetBytes(message.Jws);

    private static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
