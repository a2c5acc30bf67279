using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Aizu.Egress;

/// <summary>
/// The name a household goes by towards one purpose in one year:
/// hex(HMAC-SHA256(gateway secret, "{purpose}:{year}")) cut to 16 characters. Datasets of different
/// purposes or years cannot be joined on it; only the gateway, which holds the secret, can.
/// </summary>
public sealed class HouseholdPseudonyms(IGatewaySecretProvider secrets)
{
    /// <summary>Hex characters kept (64 bits: collisions among a city's households are negligible).</summary>
    public const int Length = 16;

    /// <summary>The pseudonym for <paramref name="purpose"/> in local calendar year <paramref name="year"/>.</summary>
    public async ValueTask<string> ForAsync(string purpose, int year, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var secret = await secrets.GetSecretAsync(cancellationToken);
        var input = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{purpose}:{year}"));
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret.Span, input, mac);
        return Convert.ToHexStringLower(mac)[..Length];
    }
}
