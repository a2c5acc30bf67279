namespace Aizu.Storage;

/// <summary>The household's right to have its readings gone: erases every reading and rollup, nothing else.</summary>
public interface IReadingEraser
{
    /// <summary>
    /// Erases every stored reading, rollup and quarantined chunk and the series list in one transaction,
    /// overwriting the deleted pages. Other components' tables in the file are not touched.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is erased.</exception>
    Task<EraseResult> EraseReadingsAsync(CancellationToken cancellationToken);
}
