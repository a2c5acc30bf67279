namespace Aizu.Panel;

/// <summary>The files the panel keeps beside the store: what a device erase must remove to forget the household.</summary>
public static class PanelFiles
{
    /// <summary>The panel's files and folders in the data directory <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyList<string> In(string dataDirectory) =>
    [
        Path.Combine(dataDirectory, PanelCredentialStore.FileName),
        Path.Combine(dataDirectory, PanelSessionStore.FileName),
        Path.Combine(dataDirectory, PanelSetupCode.FileName),
        Path.Combine(dataDirectory, PanelAccess.KeysFolder),
    ];
}
