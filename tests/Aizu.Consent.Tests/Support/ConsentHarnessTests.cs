namespace Aizu.Consent.Tests;

/// <summary>
/// What the consent test classes start from: a fresh <see cref="ConsentHarness"/> for every test (xunit makes a new
/// instance of the class for each test and disposes it afterwards), and <see cref="None"/> for the calls that take a
/// token. A test that needs a harness configured otherwise makes its own.
/// </summary>
public abstract class ConsentHarnessTests : IDisposable
{
    protected static readonly CancellationToken None = CancellationToken.None;

    private protected ConsentHarness Harness { get; } = new();

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }
}
