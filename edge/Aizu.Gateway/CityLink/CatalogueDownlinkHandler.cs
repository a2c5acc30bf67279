namespace Aizu.Gateway.CityLink;

/// <summary>
/// Hands the city's retained purpose catalogue to the <see cref="PurposeCatalogueService"/>, which checks
/// the city's signature and turns new purposes into requests (never into consent).
/// </summary>
internal sealed class CatalogueDownlinkHandler(PurposeCatalogueService catalogues) : IDownlinkHandler
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Topics { get; } = [WireTopics.Catalogue];

    /// <inheritdoc />
    public async Task HandleAsync(DownlinkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Rejections are logged and counted by the service; nothing more to do here.
        await catalogues.ApplyAsync(message.Payload, cancellationToken);
    }
}
