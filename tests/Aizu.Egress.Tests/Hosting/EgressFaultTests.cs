namespace Aizu.Egress.Tests;

/// <summary>A failed egress pass says what is wrong around the gateway in one line; a bug is not mistaken for one.</summary>
public sealed class EgressFaultTests
{
    private const string Database = "/var/lib/aizu/aizu.db";

    [Fact]
    public void A_full_disk_is_one_line_naming_the_file()
    {
        var line = EgressFault.Describe(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13, 13), Database);

        Assert.Equal($"The disk holding {Database} is full: readings cannot be stored until space is freed.", line);
    }

    [Fact]
    public void A_file_locked_by_another_process_or_an_io_error_is_one_line()
    {
        Assert.Equal($"The database {Database} is locked by another process.", EgressFault.Describe(new SqliteException("SQLite Error 5: 'database is locked'.", 5, 5), Database));
        Assert.StartsWith($"An I/O error occurred on {Database}", EgressFault.Describe(new SqliteException("SQLite Error 10: 'disk I/O error'.", 10, 778), Database), StringComparison.Ordinal);
        Assert.Equal("No space left on device", EgressFault.Describe(new IOException("No space left on device"), Database));
    }

    [Fact]
    public void A_bug_is_not_a_fault_of_the_surroundings()
    {
        Assert.Null(EgressFault.Describe(new SqliteException("SQLite Error 1: 'no such column: x'.", 1, 1), Database));
        Assert.Null(EgressFault.Describe(new InvalidOperationException("a bug"), Database));
        Assert.Null(EgressFault.Describe(new ArgumentException("a bug too"), Database));
    }
}
