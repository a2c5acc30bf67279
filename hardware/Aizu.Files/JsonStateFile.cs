namespace Aizu.Files;

/// <summary>
/// A small piece of state a driver keeps across restarts in one JSON file, replaced with <see cref="AtomicFile"/>
/// so a power cut leaves the old or the new state, never half a file. A damaged file reads as no state.
/// </summary>
/// <typeparam name="T">The state.</typeparam>
public sealed class JsonStateFile<T>
    where T : class
{
    private readonly JsonTypeInfo<T> _type;

    /// <summary>Keeps <typeparamref name="T"/> at <paramref name="path"/>, (de)serialised with <paramref name="type"/>.</summary>
    public JsonStateFile(string path, JsonTypeInfo<T> type)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(type);
        Path = System.IO.Path.GetFullPath(path);
        _type = type;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// The stored state, or null when there is none. A file that cannot be read or parsed is reported to
    /// <paramref name="unreadable"/> with the reason, and reads as null.
    /// </summary>
    public async Task<T?> ReadAsync(Action<string> unreadable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(Path);
            return await JsonSerializer.DeserializeAsync(stream, _type, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            unreadable(ex.Message);
            return null;
        }
    }

    /// <summary>Replaces the stored state with <paramref name="state"/>.</summary>
    public Task WriteAsync(T state, CancellationToken cancellationToken) => AtomicFile.WriteAsync(
        Path, (stream, token) => JsonSerializer.SerializeAsync(stream, state, _type, token), null, cancellationToken);

    /// <summary>Removes the stored state.</summary>
    public void Delete() => File.Delete(Path);
}
