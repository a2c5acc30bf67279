namespace Aizu.Testing;

/// <summary>A fresh directory under the system temporary directory, removed afterwards.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates <c>aizu-<paramref name="purpose"/>-…</c> in the temporary directory.</summary>
    public TemporaryDirectory(string purpose = "test")
    {
        // Plain CreateDirectory (not CreateTempSubdirectory's 0700) so a server a test starts under
        // its own user, like mosquitto, can read what the test writes here.
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aizu-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>A path inside the directory (not created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file a killed process still held: a leftover temporary folder is harmless.
        }
    }
}
