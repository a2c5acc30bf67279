namespace Aizu.Panel.Tests;

/// <summary>
/// A data folder that cannot be one (a file stands where it should be), so the reading store stays unavailable;
/// the file is removed afterwards.
/// </summary>
internal sealed class BrokenDataFolder : IDisposable
{
    public BrokenDataFolder()
    {
        Blocker = Path.Combine(Path.GetTempPath(), "aizu-panel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(Blocker)!);
        File.WriteAllText(Blocker, "not a directory");
    }

    /// <summary>The file standing where the data folder should be; the store's messages name it.</summary>
    public string Blocker { get; }

    /// <summary>
    /// A kiosk panel (no password can be saved where the store cannot be; a kiosk still shows the problem) whose
    /// store is in this folder.
    /// </summary>
    public Task<PanelHost> StartKioskAsync(DateTimeOffset now) => PanelHost.StartAsync(
        new FakeTimeProvider(now),
        new Dictionary<string, string?>
        {
            ["Aizu:Storage:DatabasePath"] = Path.Combine(Blocker, "readings.db"),
            ["Aizu:Panel:Kiosk"] = "true",
        },
        signIn: false);

    public void Dispose() => File.Delete(Blocker);
}
