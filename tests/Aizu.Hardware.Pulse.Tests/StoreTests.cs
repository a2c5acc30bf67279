namespace Aizu.Hardware.Pulse.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aizu-pulse-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SaveThenLoad_GivesTheCountBack_AndLeavesNoTemporaryFile()
    {
        var store = new JsonFilePulseCountStore(Path.Combine(_directory, "count.json"), new CapturingLogger<JsonFilePulseCountStore>());

        await store.SaveAsync(new PulseCount(123_456, 1000), CancellationToken.None);

        Assert.Equal(new PulseCount(123_456, 1000), await store.LoadAsync(CancellationToken.None));
        Assert.Equal(["count.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task MissingFile_IsNoCount()
    {
        var store = new JsonFilePulseCountStore(Path.Combine(_directory, "none.json"), new CapturingLogger<JsonFilePulseCountStore>());
        Assert.Null(await store.LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DamagedFile_IsReportedAndTreatedAsNoCount()
    {
        Directory.CreateDirectory(_directory);
        string path = Path.Combine(_directory, "count.json");
        await File.WriteAllTextAsync(path, "{ \"pulses\": 12");
        var log = new CapturingLogger<JsonFilePulseCountStore>();

        Assert.Null(await new JsonFilePulseCountStore(path, log).LoadAsync(CancellationToken.None));
        Assert.True(log.Contains(LogLevel.Warning, "unreadable"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
