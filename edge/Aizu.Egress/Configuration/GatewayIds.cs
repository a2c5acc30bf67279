namespace Aizu.Egress;

/// <summary>What a gateway id may look like: it is a topic level and a certificate CN, so no wildcards or separators.</summary>
internal static class GatewayIds
{
    public static bool IsValid(string? id) =>
        id is { Length: >= 3 and <= 64 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
