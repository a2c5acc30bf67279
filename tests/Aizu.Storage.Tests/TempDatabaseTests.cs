namespace Aizu.Storage.Tests;

/// <summary>
/// A test class whose every test gets its own <see cref="TempDatabase"/> (xunit makes one instance per test),
/// removed when the test ends.
/// </summary>
public abstract class TempDatabaseTests : IDisposable
{
    private protected readonly TempDatabase database = new();

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
