namespace Aizu.City.Analysis;

/// <summary>
/// Analyst tokens: 256 random bits from the operating system's generator, shown once, stored as their SHA-256 only
/// (a database copy does not let anyone in; the token's entropy makes a salt unnecessary).
/// </summary>
public static class AnalystTokens
{
    /// <summary>A new token: 43 base64url characters.</summary>
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>What the database keeps of <paramref name="token"/>.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
