namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>What the household panel says about the store, read as the panel's own page reads it.</summary>
internal static class PanelStatus
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>How many readings the panel says are stored.</summary>
    public static async Task<long> ReadingsStoredAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("readingsStored").GetInt64();

    /// <summary>The store's health as <c>/api/status</c> gives it (state, floorBytes, problem, …).</summary>
    public static async Task<JsonElement> StorageAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("storage");

    /// <summary>Waits until the panel says at least <paramref name="minimum"/> readings are stored; returns how many.</summary>
    public static async Task<long> WaitForStoredAsync(HttpClient http, long minimum, GatewayProcess gateway)
    {
        long stored = 0;
        await Eventually.TrueAsync(
            async () => (stored = await ReadingsStoredAsync(http)) >= minimum,
            Limit,
            () => $"{minimum} readings stored (the panel says {stored}). Gateway output:{Environment.NewLine}{gateway.Output}");
        return stored;
    }
}
