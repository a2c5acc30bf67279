namespace Aizu.Consent;

/// <summary>
/// The household's signed statement, after the ledger was found inconsistent, that it has looked at
/// the ledger up to <see cref="HeadSeq"/> and confirms exactly <see cref="Grants"/> as its consents
/// in force. Signed with the gateway key (JWS ES256, <c>typ</c> <see cref="MediaType"/>) and stored in
/// <c>consent_reconfirmation</c>; <see cref="Digest"/> freezes events 1 … <see cref="HeadSeq"/>, so an
/// edit of any of them after the re-confirmation stops egress again.
/// </summary>
/// <param name="Type">Always <see cref="TypeName"/>.</param>
/// <param name="At">When the household re-confirmed (UTC, ledger format).</param>
/// <param name="HeadSeq">The last ledger event the household saw.</param>
/// <param name="HeadHash">Its stored hash.</param>
/// <param name="Digest">SHA-256 over events 1 … <see cref="HeadSeq"/> as stored.</param>
/// <param name="Problem">The problem the household was shown.</param>
/// <param name="Grants">The grants in force the household confirmed.</param>
public sealed record LedgerReconfirmation(
    string Type,
    string At,
    long HeadSeq,
    string HeadHash,
    string Digest,
    string Problem,
    IReadOnlyList<ConsentGrant> Grants)
{
    /// <summary>The <see cref="Type"/> of a re-confirmation.</summary>
    public const string TypeName = "aizu-ledger-reconfirmation/1";

    /// <summary>The JWS <c>typ</c>.</summary>
    public const string MediaType = "aizu-reconfirmation+jwt";

    /// <summary>The signed JWS as stored (not part of the signed content).</summary>
    [JsonIgnore]
    public string Jws { get; init; } = "";
}
