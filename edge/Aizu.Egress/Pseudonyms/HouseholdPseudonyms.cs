namespace Aizu.Egress;

/// <summary>
/// The names a household goes by on the wire, each valid in one data set (purpose × recipient) and one period:
/// the data set's pseudonym hex(HMAC-SHA256(gateway secret, "dataset|{purpose}|{recipient}|{period}")) and a
/// consent version's opaque reference hex(HMAC-SHA256(gateway secret, "consent|{consentId}|{version}|{period}")).
/// Without the secret nothing links two data sets, two periods or two versions; the gateway, which holds it,
/// recomputes them for its own log and for deletion requests.
/// </summary>
public sealed class HouseholdPseudonyms(IGatewaySecretProvider secrets)
{
    /// <summary>Hex characters of a pseudonym (64 bits: collisions among a city's households are negligible).</summary>
    public const int Length = 16;

    /// <summary>
    /// Hex characters of a consent reference (96 bits): a recipient sees many references, and one that matched
    /// another data set's by chance would look like a link.
    /// </summary>
    public const int ReferenceLength = 24;

    /// <summary>The pseudonym of the data set of <paramref name="purpose"/> and <paramref name="recipient"/> in period <paramref name="periodLabel"/>.</summary>
    public ValueTask<string> DataSetAsync(string purpose, string recipient, string periodLabel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentException.ThrowIfNullOrEmpty(recipient);
        ArgumentException.ThrowIfNullOrEmpty(periodLabel);
        return MacAsync($"dataset|{purpose}|{recipient}|{periodLabel}", Length, cancellationToken);
    }

    /// <summary>The opaque reference of consent <paramref name="consentId"/> version <paramref name="version"/> in period <paramref name="periodLabel"/>.</summary>
    public ValueTask<string> ConsentReferenceAsync(string consentId, int version, string periodLabel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(consentId);
        ArgumentException.ThrowIfNullOrEmpty(periodLabel);
        return MacAsync(string.Create(CultureInfo.InvariantCulture, $"consent|{consentId}|{version}|{periodLabel}"), ReferenceLength, cancellationToken);
    }

    private async ValueTask<string> MacAsync(string input, int length, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetSecretAsync(cancellationToken);
        var mac = HMACSHA256.HashData(secret.Span, Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(mac)[..length];
    }
}
