namespace Aizu.Egress.Tests;

/// <summary>
/// What a test class about one part of the egress side starts from: a fresh <see cref="EgressUnderTest"/> for every
/// test (xunit makes a new instance of the class for each test and disposes it afterwards) on a consent registry and
/// a fake clock of its own, two days after <see cref="T0"/>, the day the tests' grants begin.
/// </summary>
public abstract class EgressSceneTests : IDisposable
{
    /// <summary>Monday 2 March 2026, midnight in Tokyo: when the tests' grants begin.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));

    /// <param name="directoryPrefix">A word that tells, in /tmp, which test class left a directory behind.</param>
    protected EgressSceneTests(string directoryPrefix)
    {
        Sut = new EgressUnderTest(Registry, Time, directoryPrefix);
    }

    protected FakeTimeProvider Time { get; } = new(T0.AddDays(2));

    protected TestConsentRegistry Registry { get; } = new();

    private protected EgressUnderTest Sut { get; }

    public void Dispose()
    {
        Sut.Dispose();
        GC.SuppressFinalize(this);
    }
}
