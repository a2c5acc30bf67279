namespace Aizu.Gateway.Identity;

/// <summary>
/// The gateway's device identity: an ECDSA P-256 key made on the device, a random pseudonymous gateway id (the
/// certificate's CN, the MQTT client id and the last level of its status topic) and the certificate request the
/// city signs. <see cref="Prepare"/> only reads; what is missing is made in memory and written by
/// <see cref="PersistAsync"/>, so a configuration that fails its checks leaves nothing on disk.
/// </summary>
/// <remarks>
/// The id is drawn at random and never derived from anything else on the device: the data pseudonyms are HMACs of
/// the egress secret, and the receipt key signs the household's consent records; neither can be computed from the id
/// or the other way round, so the broker operator, who sees the id, learns nothing that joins it to a data set.
/// </remarks>
internal sealed class DeviceIdentity : IDisposable
{
    /// <summary>Every generated id starts with this, so an installer recognises one.</summary>
    public const string IdPrefix = "gw-";

    private const int IdBytes = 10;
    private const UnixFileMode Public = AtomicFile.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private readonly bool newKey;
    private readonly bool newId;

    private DeviceIdentity(DeviceIdentityFiles files, ECDsa key, string gatewayId, bool newKey, bool newId)
    {
        Files = files;
        Key = key;
        GatewayId = gatewayId;
        this.newKey = newKey;
        this.newId = newId;
    }

    /// <summary>Where the identity lives.</summary>
    public DeviceIdentityFiles Files { get; }

    /// <summary>The pseudonymous gateway id, e.g. <c>gw-3f9c0e7a12b4d5e6f708</c>.</summary>
    public string GatewayId { get; }

    /// <summary>The device key (private).</summary>
    public ECDsa Key { get; }

    /// <summary>True when part of the identity exists only in memory until <see cref="PersistAsync"/>.</summary>
    public bool IsNew => newKey || newId;

    /// <summary>True when a certificate is installed (whether it still fits is the doctor's question).</summary>
    public bool IsEnrolled => File.Exists(Files.Certificate);

    /// <summary>
    /// Reads the identity in <paramref name="files"/>, making in memory what is missing: a key and an id from
    /// <paramref name="random"/>. Writes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key file is readable by others or not a P-256 key, or the id file is damaged; the message says which and how to fix it.</exception>
    public static DeviceIdentity Prepare(DeviceIdentityFiles files, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(random);
        ECDsa key;
        bool newKey = !File.Exists(files.Key);
        if (newKey)
        {
            key = P256Keys.Create();
        }
        else
        {
            AtomicFile.ThrowIfReadableByOthers(files.Key, $"The device key {files.Key}");
            if (!P256Keys.TryImportPrivatePem(File.ReadAllText(files.Key), out var loaded, out var problem))
            {
                throw new InvalidOperationException($"The device key {files.Key} is not usable: {problem} Move it away and start the gateway to make a new one, then enrol again.");
            }

            key = loaded!;
        }

        bool newId = !File.Exists(files.GatewayId);
        string id = newId ? NewId(random) : File.ReadAllText(files.GatewayId).Trim();
        if (!IsValidId(id))
        {
            key.Dispose();
            throw new InvalidOperationException($"The gateway id file {files.GatewayId} holds '{id}', which is not a gateway id (3–64 lower-case letters, digits or dashes).");
        }

        return new DeviceIdentity(files, key, id, newKey, newId);
    }

    /// <summary>Prepares and writes at once: what <c>aizu enroll --csr</c> does.</summary>
    public static async Task<DeviceIdentity> LoadOrCreateAsync(DeviceIdentityFiles files, RandomNumberGenerator random, CancellationToken cancellationToken)
    {
        var identity = Prepare(files, random);
        try
        {
            await identity.PersistAsync(cancellationToken);
            return identity;
        }
        catch
        {
            identity.Dispose();
            throw;
        }
    }

    /// <summary>What a gateway id may look like: it is a topic level and a certificate CN, so no wildcards or separators.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: >= 3 and <= 64 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>
    /// Writes what <see cref="Prepare"/> made (key 0600, id and request 0644, each atomically) and a request when
    /// there is none. Never replaces a key or id another process wrote meanwhile.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another process created the identity at the same moment.</exception>
    public async Task PersistAsync(CancellationToken cancellationToken)
    {
        // Only the owner may even list the directory: it names the key.
        Directory.CreateDirectory(Files.Directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Files.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (newKey && !await AtomicFile.TryCreateAsync(Files.Key, Text(Key.ExportPkcs8PrivateKeyPem()), AtomicFile.OwnerOnly, cancellationToken))
        {
            throw new InvalidOperationException($"The device key {Files.Key} was created by another process at the same moment; start again.");
        }

        if (newId && !await AtomicFile.TryCreateAsync(Files.GatewayId, Text(GatewayId + "\n"), Public, cancellationToken))
        {
            throw new InvalidOperationException($"The gateway id {Files.GatewayId} was created by another process at the same moment; start again.");
        }

        if (IsNew || !File.Exists(Files.Request))
        {
            await AtomicFile.WriteAsync(Files.Request, Text(CreateRequestPem()), Public, cancellationToken);
        }
    }

    /// <summary>
    /// The PKCS#10 request for this key with CN = the gateway id and nothing else that could identify the home;
    /// key usage and client-authentication EKU as the broker needs them.
    /// </summary>
    public string CreateRequestPem()
    {
        var request = new CertificateRequest(new X500DistinguishedName($"CN={GatewayId}"), Key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        return request.CreateSigningRequestPem();
    }

    /// <inheritdoc />
    public void Dispose() => Key.Dispose();

    private static string NewId(RandomNumberGenerator random)
    {
        Span<byte> bytes = stackalloc byte[IdBytes];
        random.GetBytes(bytes);
        return IdPrefix + Convert.ToHexStringLower(bytes);
    }

    private static Func<Stream, CancellationToken, Task> Text(string text) =>
        (stream, token) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();
}
