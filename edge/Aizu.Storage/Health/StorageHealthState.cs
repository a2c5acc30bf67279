namespace Aizu.Storage;

/// <summary>How the panel should show the store.</summary>
public enum StorageHealthState
{
    /// <summary>Nothing to report.</summary>
    Ok = 0,

    /// <summary>Still storing everything, but something needs attention: raw data was dropped for space, or a chunk was quarantined.</summary>
    Degraded = 1,

    /// <summary>The free-space floor cannot be met even with every raw chunk gone; new readings may soon be refused.</summary>
    Critical = 2,
}
