namespace Aizu.Gateway.Tests.CityLink;

/// <summary>The system clock shifted by a fixed offset: lets a test record a household decision "earlier today".</summary>
internal sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
