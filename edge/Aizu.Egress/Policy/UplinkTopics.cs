namespace Aizu.Egress;

/// <summary>The topics the egress side publishes to (documented in docs/uplink.md).</summary>
public static class UplinkTopics
{
    /// <summary>Consented telemetry: <c>aizu/v1/dt/{purpose}/{category}/{pseudonym}</c>.</summary>
    public static string Data(string purpose, string category, string pseudonym) => $"aizu/v1/dt/{purpose}/{category}/{pseudonym}";

    /// <summary>Retained consent state: <c>aizu/v1/consent/{gw}</c>.</summary>
    public static string ConsentState(string gatewayId) => $"aizu/v1/consent/{gatewayId}";

    /// <summary>Deletion requests after a withdrawal: <c>aizu/v1/consent/{gw}/deletion</c>.</summary>
    public static string Deletion(string gatewayId) => $"aizu/v1/consent/{gatewayId}/deletion";

    /// <summary>True when <paramref name="level"/> can be one topic level: not empty, no separator or wildcard, no leading '$'.</summary>
    public static bool IsLevel(string? level) =>
        !string.IsNullOrEmpty(level) && level.Length <= 64 && !level.StartsWith('$')
        && level.All(c => c is not ('/' or '+' or '#' or '\0') && !char.IsWhiteSpace(c) && !char.IsControl(c));
}
