namespace Aizu.LocalServers;

/// <summary>
/// Where the Debian packages put the server programs, and the one line that says what to install when
/// one is missing. Fixed paths on purpose: the demo and the tests must run the packaged servers, not
/// whatever a PATH happens to hold.
/// </summary>
public static class ServerPrograms
{
    /// <summary>Debian's mosquitto.</summary>
    public const string Mosquitto = "/usr/sbin/mosquitto";

    /// <summary>Where Debian's postgresql-NN packages put the server programs, one directory per major version.</summary>
    public const string PostgresRoot = "/usr/lib/postgresql";

    /// <summary>What to run when a program is missing.</summary>
    public const string InstallHint = "install mosquitto postgresql (sudo apt-get install mosquitto postgresql; for the tests: sudo bash .ci/install-deps)";

    /// <summary>
    /// The newest installed PostgreSQL's <c>bin</c> directory (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>
    /// holding <c>postgres</c>), or the missing-program error.
    /// </summary>
    /// <exception cref="MissingServerProgramException">No PostgreSQL server is installed.</exception>
    public static string PostgresBin()
    {
        var newest = Directory.Exists(PostgresRoot)
            ? Directory.GetDirectories(PostgresRoot)
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Directory, "bin", "postgres")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new MissingServerProgramException("postgres", Path.Combine(PostgresRoot, "<version>", "bin", "postgres"), InstallHint);
    }

    /// <summary>Throws the missing-program error (saying <paramref name="installHint"/>) unless <paramref name="executable"/> exists.</summary>
    /// <exception cref="MissingServerProgramException">The program is not installed.</exception>
    public static void Require(string executable, string installHint = InstallHint)
    {
        if (!File.Exists(executable))
        {
            throw new MissingServerProgramException(Path.GetFileName(executable), executable, installHint);
        }
    }
}
