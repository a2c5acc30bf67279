namespace Aizu.Panel.Tests.Consent;

/// <summary>The system clock shifted by a fixed offset: a decision recorded "months ago".</summary>
internal sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
