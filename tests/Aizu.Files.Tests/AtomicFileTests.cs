namespace Aizu.Files.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aizu-files-" + Guid.NewGuid().ToString("N"));

    private string Target => Path.Combine(_directory, "state.json");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Write_CreatesTheDirectoryAndFile_ThenReplacesTheContentWhole()
    {
        await AtomicFile.WriteAsync(Target, Text("first version, rather long"), null, CancellationToken.None);
        await AtomicFile.WriteAsync(Target, Text("second"), null, CancellationToken.None);

        Assert.Equal("second", await File.ReadAllTextAsync(Target));
        Assert.Equal([Target], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task Write_SetsTheModeExactly_BeforeAnyContentIsWritten()
    {
        UnixFileMode? seenWhileWriting = null;
        const UnixFileMode GroupReadable = AtomicFile.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

        await AtomicFile.WriteAsync(Target, async (stream, token) =>
        {
            seenWhileWriting = File.GetUnixFileMode(((FileStream)stream).SafeFileHandle);
            await stream.WriteAsync("secret"u8.ToArray(), token);
        }, AtomicFile.OwnerOnly, CancellationToken.None);
        var ownerOnly = File.GetUnixFileMode(Target);
        await AtomicFile.WriteAsync(Target, Text("public"), GroupReadable, CancellationToken.None);

        Assert.Equal(AtomicFile.OwnerOnly, seenWhileWriting);
        Assert.Equal(AtomicFile.OwnerOnly, ownerOnly);

        // 0646 is wider than the usual umask allows: the mode is what was asked for, not what the umask leaves.
        Assert.Equal(GroupReadable, File.GetUnixFileMode(Target));
    }

    [Fact]
    public async Task FailedWrite_LeavesThePreviousFileIntact_AndNoTemporaryFile()
    {
        await AtomicFile.WriteAsync(Target, Text("good"), AtomicFile.OwnerOnly, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(Target, async (stream, token) =>
        {
            await stream.WriteAsync("half of the new"u8.ToArray(), token);
            await stream.FlushAsync(token);
            throw new IOException("No space left on device");
        }, AtomicFile.OwnerOnly, CancellationToken.None));

        Assert.Equal("No space left on device", failure.Message);
        Assert.Equal("good", await File.ReadAllTextAsync(Target));
        Assert.Equal([Target], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task FailedRename_LeavesWhatWasThere_AndNoTemporaryFile()
    {
        // A directory in the file's place: everything succeeds up to the rename, which the system refuses.
        Directory.CreateDirectory(Path.Combine(Target, "occupied"));

        await Assert.ThrowsAnyAsync<IOException>(() => AtomicFile.WriteAsync(Target, Text("new"), null, CancellationToken.None));

        Assert.True(Directory.Exists(Path.Combine(Target, "occupied")));
        Assert.Equal([Target], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task CancelledWrite_LeavesThePreviousFileIntact()
    {
        await AtomicFile.WriteAsync(Target, Text("kept"), null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(Target, async (stream, token) =>
        {
            await stream.WriteAsync("lost"u8.ToArray(), token);
            await cancel.CancelAsync();
        }, null, cancel.Token));

        Assert.Equal("kept", await File.ReadAllTextAsync(Target));
        Assert.Equal([Target], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task ConcurrentWriters_NeverShareATemporaryFile_AndTheResultIsOneWholeVersion()
    {
        const int Writers = 16;
        var versions = Enumerable.Range(0, Writers).Select(i => new string((char)('a' + i), 10_000 + i)).ToList();
        var start = new Rendezvous(Writers);

        await Task.WhenAll(versions.Select(version => Task.Run(() => AtomicFile.WriteAsync(Target, async (stream, token) =>
        {
            var bytes = Encoding.ASCII.GetBytes(version);
            await stream.WriteAsync(bytes.AsMemory(0, 5_000), token);

            // Every writer is half-way through its own temporary file at the same moment.
            await start.ArriveAsync(token);
            await stream.WriteAsync(bytes.AsMemory(5_000), token);
        }, null, CancellationToken.None))));

        Assert.Contains(await File.ReadAllTextAsync(Target), versions);
        Assert.Equal([Target], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task TryCreate_WritesOnlyWhenThereIsNoFile()
    {
        bool first = await AtomicFile.TryCreateAsync(Target, Text("original key"), AtomicFile.OwnerOnly, CancellationToken.None);
        bool second = await AtomicFile.TryCreateAsync(Target, Text("another key"), AtomicFile.OwnerOnly, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("original key", await File.ReadAllTextAsync(Target));
        Assert.Equal(AtomicFile.OwnerOnly, File.GetUnixFileMode(Target));
        Assert.Equal([Target], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task TryCreate_ConcurrentCreators_ExactlyOneWins_AndItsContentIsKept()
    {
        const int Creators = 8;
        var start = new Rendezvous(Creators);

        var results = await Task.WhenAll(Enumerable.Range(0, Creators).Select(i => Task.Run(() => AtomicFile.TryCreateAsync(Target, async (stream, token) =>
        {
            await start.ArriveAsync(token);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"key {i}"), token);
        }, AtomicFile.OwnerOnly, CancellationToken.None))));

        int winner = Assert.Single(Enumerable.Range(0, Creators), i => results[i]);
        Assert.Equal($"key {winner}", await File.ReadAllTextAsync(Target));
        Assert.Equal([Target], Directory.GetFileSystemEntries(_directory));
    }

    private static Func<Stream, CancellationToken, Task> Text(string text) =>
        (stream, token) => stream.WriteAsync(Encoding.UTF8.GetBytes(text), token).AsTask();

    /// <summary>Lets every writer wait until all are at the same point, without holding a pool thread each.</summary>
    private sealed class Rendezvous(int parties)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAsync(CancellationToken token)
        {
            if (Interlocked.Increment(ref _arrived) == parties)
            {
                _all.SetResult();
            }

            return _all.Task.WaitAsync(TimeSpan.FromSeconds(20), token);
        }
    }

    [Fact]
    public async Task A_secret_others_may_read_is_refused_naming_it_and_the_fix()
    {
        await AtomicFile.WriteAsync(Target, Text("secret"), AtomicFile.OwnerOnly, CancellationToken.None);
        AtomicFile.ThrowIfReadableByOthers(Target, "The test secret");

        File.SetUnixFileMode(Target, AtomicFile.OwnerOnly | UnixFileMode.GroupRead);
        var refused = Assert.Throws<InvalidOperationException>(() => AtomicFile.ThrowIfReadableByOthers(Target, "The test secret"));

        Assert.Equal("The test secret may be read by others (mode 640); run chmod 600 on it.", refused.Message);
    }
}
