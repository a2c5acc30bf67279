namespace Aizu.Panel;

/// <summary>
/// PBKDF2-SHA256 password hashes in the form <c>pbkdf2-sha256$iterations$salt$hash</c> (base64), so the
/// iteration count can be raised later without invalidating existing passwords.
/// </summary>
internal static class PanelPassword
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 256;

    // OWASP's 2023 figure for PBKDF2-SHA256; about a quarter of a second on a Raspberry Pi 4 core,
    // and the login endpoint is rate-limited on top.
    private const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>Why <paramref name="password"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"The password must have at least {MinimumLength} characters.";
        }

        if (password.Length > MaximumLength)
        {
            return $"The password must have at most {MaximumLength} characters.";
        }

        if (password.Distinct().Count() < 3)
        {
            return "The password repeats too few different characters; choose one that is hard to guess.";
        }

        return null;
    }

    public static string Hash(string password, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var salt = new byte[SaltBytes];
        random.GetBytes(salt);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int iterations) || iterations < 1)
        {
            return false;
        }

        byte[] salt;
        byte[] expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password ?? string.Empty), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
