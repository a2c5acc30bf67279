using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aizu.Storage.Tests;

/// <summary>A database path in a fresh temporary directory that is removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aizu-storage-tests", Guid.NewGuid().ToString("N"));
        FilePath = System.IO.Path.Combine(Directory, "nested", "readings.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    public ReadingStore Open() => Open(FilePath);

    public static ReadingStore Open(string path) =>
        new(Options.Create(new StorageOptions { DatabasePath = path }), NullLogger<ReadingStore>.Instance);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
