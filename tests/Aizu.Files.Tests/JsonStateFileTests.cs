namespace Aizu.Files.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JsonStateFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aizu-files-" + Guid.NewGuid().ToString("N"));

    private string Target => Path.Combine(_directory, "nested", "state.json");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task No_file_reads_as_no_state_without_a_complaint()
    {
        var file = new JsonStateFile<Counter>(Target, CounterJson.Default.Counter);

        Assert.Null(await file.ReadAsync(reason => Assert.Fail($"complained: {reason}"), CancellationToken.None));
    }

    [Fact]
    public async Task What_is_written_is_read_back_and_delete_removes_it()
    {
        var file = new JsonStateFile<Counter>(Target, CounterJson.Default.Counter);

        await file.WriteAsync(new Counter(41), CancellationToken.None);
        await file.WriteAsync(new Counter(42), CancellationToken.None);

        Assert.Equal(new Counter(42), await file.ReadAsync(reason => Assert.Fail($"complained: {reason}"), CancellationToken.None));
        file.Delete();
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task A_damaged_file_reads_as_no_state_and_says_why()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllTextAsync(Target, "{ \"Value\": ");
        var file = new JsonStateFile<Counter>(Target, CounterJson.Default.Counter);
        var reasons = new List<string>();

        Assert.Null(await file.ReadAsync(reasons.Add, CancellationToken.None));
        Assert.Single(reasons);
    }

    [Fact]
    public void The_path_is_made_absolute()
    {
        var file = new JsonStateFile<Counter>("relative/state.json", CounterJson.Default.Counter);

        Assert.True(Path.IsPathRooted(file.Path));
        Assert.EndsWith(Path.Combine("relative", "state.json"), file.Path, StringComparison.Ordinal);
    }
}
