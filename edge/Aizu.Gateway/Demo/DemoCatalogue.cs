namespace Aizu.Gateway.Demo;

/// <summary>
/// Demo mode's purpose catalogue: a small sample catalogue signed with a demo city key, handed to the
/// real <see cref="PurposeCatalogueService"/> at start, exactly as the retained MQTT message from the
/// city would be. The gateway checks its signature against <see cref="CityPublicKeyPem"/>, which demo
/// mode pins by default (<c>Aizu:Consent:CityPublicKeyPem</c>); when the user's configuration pins a real
/// city key instead, the sample is not applied and the real city's catalogue is what counts. Its purposes
/// become requests, never consent. The demo key's private half was used once to sign the sample and is
/// not kept anywhere: nobody can sign another catalogue the demo would accept.
/// </summary>
internal sealed partial class DemoCatalogue(
    PurposeCatalogueService catalogues, IOptions<ConsentOptions> options, ILogger<DemoCatalogue> logger) : IHostedService
{
    /// <summary>The demo city's public key (P-256) the sample catalogue is signed with.</summary>
    public const string CityPublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEM+FWLkV9gp2p8T7PkcAm2ij6y0nE
        su3F7CnoAQCEL07jNeoLU7Dj29H4OeWIIEO3HOglMi2N1EqiMzlSSwbyzw==
        -----END PUBLIC KEY-----
        """;

    private const string ResourceName = "Aizu.Gateway.Demo.demo-catalogue.jws";

    /// <summary>The signed sample catalogue (JWS compact serialisation), as embedded in the program.</summary>
    public static byte[] ReadSignedCatalogue()
    {
        using var stream = typeof(DemoCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo catalogue resource {ResourceName} is missing from the program.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(Normalise(options.Value.CityPublicKeyPem), Normalise(CityPublicKeyPem), StringComparison.Ordinal))
        {
            LogSkipped(logger);
            return;
        }

        var result = await catalogues.ApplyAsync(ReadSignedCatalogue(), cancellationToken);
        LogApplied(logger, result.Status, result.Sequence, result.Requested.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Normalise(string? pem) =>
        string.Concat((pem ?? string.Empty).Where(c => !char.IsWhiteSpace(c)));

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information,
        Message = "Demo purpose catalogue: {Status} (edition {Sequence}); {Requested} new request(s) for the household")]
    private static partial void LogApplied(ILogger logger, CatalogueStatus status, long? sequence, int requested);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "Demo purpose catalogue not applied: Aizu:Consent:CityPublicKeyPem pins another city key, whose catalogue counts instead")]
    private static partial void LogSkipped(ILogger logger);
}
