namespace Aizu.Egress;

/// <summary>
/// Keeps the gateway secret in a file readable by the gateway's user only (mode 0600). A missing file
/// is created with 32 random bytes on first use; a file that group or others may read is refused,
/// because a leaked secret makes every pseudonym linkable.
/// </summary>
public sealed class FileGatewaySecretProvider : IGatewaySecretProvider
{
    private readonly OwnerOnlySecretFile file;

    /// <summary>Uses <see cref="EgressOptions.SecretPath"/>.</summary>
    public FileGatewaySecretProvider(IOptions<EgressOptions> options)
        : this(options?.Value.SecretPath ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Uses the file at <paramref name="path"/>.</summary>
    public FileGatewaySecretProvider(string path) =>
        file = new OwnerOnlySecretFile(path, "The pseudonym secret (Aizu:Egress:SecretPath)");

    /// <inheritdoc />
    public ValueTask<ReadOnlyMemory<byte>> GetSecretAsync(CancellationToken cancellationToken) => file.GetAsync(cancellationToken);
}
