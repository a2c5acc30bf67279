namespace Aizu.Consent;

/// <summary>Settings of the consent ledger, receipts and the city's purpose catalogue.</summary>
public sealed class ConsentOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Consent</c>.</summary>
    public const string SectionName = "Aizu:Consent";

    /// <summary>File name of the receipt key when <see cref="SigningKeyPath"/> is not set.</summary>
    public const string DefaultSigningKeyFileName = "consent-signing-key.pem";

    /// <summary>
    /// The gateway's SQLite file. The host binds it to the reading store's file
    /// (<c>Aizu:Storage:DatabasePath</c>); the consent tables are all named <c>consent_*</c>.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// The PKCS#8 PEM file holding the key that signs receipts; created with mode 0600 on first use.
    /// Empty: <c>consent-signing-key.pem</c> beside the database.
    /// </summary>
    public string SigningKeyPath { get; set; } = "";

    /// <summary>
    /// The city's public key (PEM, P-256) that the purpose catalogue must be signed with. Empty: no
    /// catalogue is accepted, so nothing can be requested or granted.
    /// </summary>
    public string CityPublicKeyPem { get; set; } = "";

    /// <summary>What receipts state as the collection method (Kantara <c>collectionMethod</c>).</summary>
    public string CollectionMethod { get; set; } = "Household decision on the Aizu gateway (local panel or command line)";

    /// <summary>How often grants past their expiry are recorded as expired. Default one minute.</summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the ledger is checked for decisions another process recorded (the <c>aizu consent</c>
    /// command), so watchers hear of them. Default two seconds.
    /// </summary>
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A request left unanswered this long is recorded as deferred. Default 30 days.</summary>
    public TimeSpan DeferUnansweredAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The signing key file that <paramref name="options"/> designate (explicit or beside the database).</summary>
    public static string ResolveSigningKeyPath(ConsentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPath))
        {
            return Path.GetFullPath(options.SigningKeyPath);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath)) ?? ".";
        return Path.Combine(directory, DefaultSigningKeyFileName);
    }
}
