namespace Aizu.Storage.Tests;

/// <summary>
/// A test class whose every test gets its own <see cref="TempDatabase"/> (xunit makes one instance per test),
/// removed when the test ends.
/// </summary>
public abstract class TempDatabaseTests : IDisposable
{
    private protected readonly TempDatabase database;

    /// <param name="commitEveryBatch">
    /// True for tests that read the file behind the store's back or kill it and expect every returned append
    /// on disk: the store commits every batch (<see cref="StorageOptions.CommitWindow"/> zero) instead of the default window.
    /// </param>
    protected TempDatabaseTests(bool commitEveryBatch = false)
    {
        database = new TempDatabase { CommitWindow = commitEveryBatch ? TimeSpan.Zero : null };
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            database.Dispose();
        }
    }
}
