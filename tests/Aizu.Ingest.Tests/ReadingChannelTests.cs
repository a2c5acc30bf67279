using static Aizu.Ingest.Tests.IngestHarness;

namespace Aizu.Ingest.Tests;

public sealed class ReadingChannelTests
{
    [Fact]
    public async Task A_full_channel_makes_writers_wait_instead_of_dropping()
    {
        var channel = new ReadingChannel(Options.Create(new IngestOptions { ChannelCapacity = 2 }));

        Assert.True(channel.Writer.TryWrite(Power(Start, 1)));
        Assert.True(channel.Writer.TryWrite(Power(Start, 2)));
        Assert.False(channel.Writer.TryWrite(Power(Start, 3)));
        var waiting = channel.Writer.WriteAsync(Power(Start, 3)).AsTask();
        Assert.False(waiting.IsCompleted);

        Assert.True(channel.Reader.TryRead(out var first));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, first.Value);
        Assert.Equal(2, channel.Count);
        Assert.Equal(2, channel.Capacity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2_000_000)]
    public void An_unusable_capacity_fails_validation_naming_the_key(int capacity)
    {
        var result = new IngestOptionsValidator("Aizu:Ingest").Validate(null, new IngestOptions { ChannelCapacity = capacity });

        Assert.True(result.Failed);
        Assert.Contains("Aizu:Ingest:ChannelCapacity", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_capacity_passes_validation() =>
        Assert.True(new IngestOptionsValidator("Aizu:Ingest").Validate(null, new IngestOptions()).Succeeded);
}
