namespace Aizu.City.Cli;

/// <summary>Reads and writes the PEM key files of the commands, with messages for the operator.</summary>
internal static class KeyFiles
{
    public static Task<ECDsa?> ReadPrivateAsync(FileInfo file, TextWriter error, CancellationToken cancellationToken) =>
        ReadAsync(file, P256Keys.ImportPrivatePem, error, cancellationToken);

    public static Task<ECDsa?> ReadPublicAsync(FileInfo file, TextWriter error, CancellationToken cancellationToken) =>
        ReadAsync(file, P256Keys.ImportPublicHalfPem, error, cancellationToken);

    /// <summary>Writes <paramref name="text"/> to a new file readable only by its owner (a private key).</summary>
    public static async Task WriteSecretAsync(string path, string text, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }

    private static async Task<ECDsa?> ReadAsync(FileInfo file, Func<string, ECDsa> import, TextWriter error, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"error: key file {file.FullName} does not exist.");
            return null;
        }

        try
        {
            return import(await File.ReadAllTextAsync(file.FullName, cancellationToken));
        }
        catch (FormatException exception)
        {
            await error.WriteLineAsync($"error: {file.Name}: {exception.Message}");
            return null;
        }
    }
}
