namespace Aizu.Consent;

/// <summary>
/// Default <see cref="IHouseholdPrincipal"/>: <c>urn:aizu:gw:</c> followed by the RFC 7638 thumbprint
/// of the gateway's receipt key. The key is random, so the id says nothing about the home; it is the
/// same on every receipt of this gateway, which the city can link anyway through the consent topic.
/// </summary>
public sealed class GatewayKeyPrincipal(IGatewayKeyProvider keys) : IHouseholdPrincipal
{
    /// <inheritdoc />
    public async ValueTask<string> GetPrincipalIdAsync(ConsentGrant grant, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        var key = await keys.GetSigningKeyAsync(cancellationToken);
        return $"urn:aizu:gw:{JwkThumbprint.Of(key)}";
    }
}
