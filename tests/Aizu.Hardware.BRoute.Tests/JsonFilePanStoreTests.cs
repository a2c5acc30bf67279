namespace Aizu.Hardware.BRoute.Tests;

public sealed class JsonFilePanStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"aizu-pan-{Guid.NewGuid():N}", "pan.json");
    private readonly CapturingLogger<JsonFilePanStore> _log = new();

    [Fact]
    public async Task SaveThenLoad_ReturnsTheSamePan()
    {
        var store = new JsonFilePanStore(_path, _log);
        var pan = new PanInfo(0x21, 0x8888, "001D129012345678", "FE80:0000:0000:0000:021D:1290:1234:5678");

        await store.SaveAsync(pan, CancellationToken.None);

        Assert.Equal(pan, await new JsonFilePanStore(_path, _log).LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Load_DamagedFile_ReturnsNullAndSaysWhy()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await File.WriteAllTextAsync(_path, "{ \"channel\": 33, \"panId\": ");

        Assert.Null(await new JsonFilePanStore(_path, _log).LoadAsync(CancellationToken.None));
        Assert.True(_log.Contains(LogLevel.Warning, "unreadable"));
    }

    [Fact]
    public async Task Forget_RemovesThePan()
    {
        var store = new JsonFilePanStore(_path, _log);
        await store.SaveAsync(new PanInfo(0x21, 0x8888, "001D129012345678", "FE80:0000:0000:0000:021D:1290:1234:5678"), CancellationToken.None);

        await store.ForgetAsync(CancellationToken.None);

        Assert.Null(await store.LoadAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        var directory = Path.GetDirectoryName(_path)!;
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
