namespace Aizu.Panel;

/// <summary>
/// Whether the household has claimed the panel (set its first password), and until then the setup code
/// that claiming requires, for the host to show wherever only someone at the device can see it.
/// </summary>
public sealed class PanelClaim
{
    private readonly PanelCredentialStore credentials;
    private readonly PanelSetupCode code;

    internal PanelClaim(PanelCredentialStore credentials, PanelSetupCode code)
    {
        this.credentials = credentials;
        this.code = code;
    }

    /// <summary>Where the setup code is kept while the panel is unclaimed.</summary>
    public string CodeFile => code.FilePath;

    /// <summary>The setup code (<c>XXXXX-XXXXX</c>) while the panel is unclaimed, made if needed; <see langword="null"/> once claimed.</summary>
    public async Task<string?> PendingCodeAsync(CancellationToken cancellationToken) =>
        credentials.IsSetUp ? null : await code.EnsureAsync(cancellationToken).ConfigureAwait(false);
}
