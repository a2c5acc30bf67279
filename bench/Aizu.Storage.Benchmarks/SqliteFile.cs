namespace Aizu.Storage.Benchmarks;

/// <summary>Size questions about a SQLite file, asked after a checkpoint so the WAL is folded in.</summary>
public static class SqliteFile
{
    public static long Checkpointed(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
        return new FileInfo(path).Length;
    }

    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Bytes of the pages (b-tree and overflow) that hold the given tables and indexes, from the dbstat virtual table.</summary>
    public static long? PageBytes(string path, params string[] names)
    {
        try
        {
            var list = string.Join(", ", names.Select(n => $"'{n}'"));
            return Convert.ToInt64(Scalar(path, $"SELECT sum(pgsize) FROM dbstat WHERE name IN ({list});"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // The bundled SQLite is built without SQLITE_ENABLE_DBSTAT_VTAB; Debian's sqlite3 shell has it.
            return ShellPageBytes(path, names);
        }
    }

    private static long? ShellPageBytes(string path, string[] names)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-readonly");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add($"SELECT sum(pgsize) FROM dbstat WHERE name IN ({string.Join(", ", names.Select(n => $"'{n}'"))});");
        try
        {
            using var shell = System.Diagnostics.Process.Start(start)!;
            var text = shell.StandardOutput.ReadToEnd().Trim();
            shell.WaitForExit();
            return long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
