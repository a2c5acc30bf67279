namespace Aizu.Consent;

/// <summary>
/// The pseudonym a receipt names the household by (Kantara <c>piiPrincipalId</c>). Never a name, an
/// address or a meter id. The host may replace the default (derived from the gateway key) with the
/// uplink's pseudonyms so that a receipt and the data sent under it name the household the same way.
/// </summary>
public interface IHouseholdPrincipal
{
    /// <summary>The principal id for a receipt about <paramref name="grant"/> decided at <paramref name="decidedAt"/>.</summary>
    ValueTask<string> GetPrincipalIdAsync(ConsentGrant grant, DateTimeOffset decidedAt, CancellationToken cancellationToken);
}
