namespace Aizu.Hardware.Serial.Tests.Meters;

public sealed class RetryDelayTests
{
    [Fact]
    public void Next_DoublesFromOneSecondUpToTheCeiling_AndResetStartsOver()
    {
        var retry = new RetryDelay(TimeSpan.FromSeconds(5));

        var waits = Enumerable.Range(0, 5).Select(_ => retry.Next().TotalSeconds).ToList();
        retry.Reset();

        Assert.Equal([1, 2, 4, 5, 5], waits);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Next());
    }

    [Fact]
    public void Next_WithACeilingBelowOneSecond_NeverWaitsLonger()
    {
        var retry = new RetryDelay(TimeSpan.FromMilliseconds(200));

        Assert.Equal(TimeSpan.FromMilliseconds(200), retry.Next());
        Assert.Equal(TimeSpan.FromMilliseconds(200), retry.Next());
    }
}
