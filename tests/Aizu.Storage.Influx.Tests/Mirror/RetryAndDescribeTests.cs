namespace Aizu.Storage.Influx.Tests.Mirror;

public sealed class RetryAndDescribeTests
{
    [Fact]
    public void Retry_waits_double_from_one_second_up_to_the_cap()
    {
        var cap = TimeSpan.FromSeconds(60);
        Assert.Equal(TimeSpan.FromSeconds(1), InfluxMirrorService.RetryDelay(1, cap));
        Assert.Equal(TimeSpan.FromSeconds(2), InfluxMirrorService.RetryDelay(2, cap));
        Assert.Equal(TimeSpan.FromSeconds(32), InfluxMirrorService.RetryDelay(6, cap));
        Assert.Equal(cap, InfluxMirrorService.RetryDelay(7, cap));
        Assert.Equal(cap, InfluxMirrorService.RetryDelay(1_000, cap));
    }

    [Fact]
    public void Failures_are_described_in_words()
    {
        var refused = new HttpRequestException("Connection refused (127.0.0.1:8086)", new SocketException((int)SocketError.ConnectionRefused));
        Assert.StartsWith("cannot reach the server:", InfluxMirrorService.Describe(refused, TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        Assert.Equal("no answer within 00:00:05", InfluxMirrorService.Describe(new TaskCanceledException(), TimeSpan.FromSeconds(5)));
    }
}
