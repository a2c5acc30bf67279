namespace Aizu.Egress;

/// <summary>
/// The outbox key in <see cref="EgressOptions.OutboxKeyPath"/> (default <c>outbox.key</c> beside the
/// pseudonym secret): 32 random bytes, mode 0600, created at first start, refused if others may read it.
/// </summary>
public sealed class FileOutboxKeyProvider : IOutboxKeyProvider
{
    private readonly OwnerOnlySecretFile file;

    /// <summary>Uses <see cref="EgressOptions.OutboxKeyPath"/>.</summary>
    public FileOutboxKeyProvider(IOptions<EgressOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        file = new OwnerOnlySecretFile(options.Value.ResolveOutboxKeyPath(), "The outbox key (Aizu:Egress:OutboxKeyPath)");
    }

    /// <inheritdoc />
    public ValueTask<ReadOnlyMemory<byte>> GetKeyAsync(CancellationToken cancellationToken) => file.GetAsync(cancellationToken);
}
