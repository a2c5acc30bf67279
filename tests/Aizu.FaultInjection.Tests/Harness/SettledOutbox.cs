namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>The outbox once the egress side has decided every closed window (it does so in a pass or two).</summary>
internal static class SettledOutbox
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(4);

    /// <summary>Waits until the outbox holds at least <paramref name="minimumData"/> data windows and has stopped growing.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> WaitAsync(string database, int minimumData, Func<string> gatewayOutput)
    {
        IReadOnlyList<OutboxRow> rows = [];
        var stableSince = DateTime.UtcNow;
        await Eventually.TrueAsync(async () =>
        {
            var now = await OutboxTable.ReadAsync(database);
            if (now.Count != rows.Count)
            {
                rows = now;
                stableSince = DateTime.UtcNow;
            }

            return rows.Count(r => r.Kind == 0) >= minimumData && DateTime.UtcNow - stableSince > Quiet;
        }, TimeSpan.FromSeconds(90), () => $"the outbox holds {rows.Count} rows:{Environment.NewLine}{gatewayOutput()}");
        return rows;
    }
}
