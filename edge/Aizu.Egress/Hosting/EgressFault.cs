namespace Aizu.Egress;

/// <summary>
/// Tells a fault of the gateway's surroundings (a full or failing card, a file locked or damaged by another process)
/// from a bug, for the egress pass: the first is said in one line and tried again at the next tick; a bug keeps its
/// stack trace.
/// </summary>
internal static class EgressFault
{
    /// <summary>One line saying what is wrong around the gateway, or null when <paramref name="exception"/> is a bug.</summary>
    public static string? Describe(Exception exception, string databasePath) => exception switch
    {
        StoreUnavailableException unavailable => unavailable.Message,
        SqliteException sqlite => StoreUnavailableException.FromSqlite(sqlite, databasePath)?.Message,
        IOException io => io.Message,
        _ => null,
    };
}
