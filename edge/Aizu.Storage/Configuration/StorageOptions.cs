namespace Aizu.Storage;

/// <summary>Where the gateway keeps its readings.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Storage</c>.</summary>
    public const string SectionName = "Aizu:Storage";

    /// <summary>
    /// Path of the SQLite file, for example <c>/var/lib/aizu/readings.db</c>. Its directory is
    /// created when missing. Relative paths resolve against the working directory.
    /// </summary>
    public string DatabasePath { get; set; } = "";
}
