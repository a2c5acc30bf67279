namespace Aizu.Storage;

/// <summary>Where the store is and how it is doing, for the status and settings screens.</summary>
public interface IStoreStatus
{
    /// <summary>The absolute path of the database file.</summary>
    string DatabasePath { get; }

    /// <summary>Free space, data dropped for space, quarantined chunks and refused readings, as of now.</summary>
    StorageHealth Health { get; }
}
