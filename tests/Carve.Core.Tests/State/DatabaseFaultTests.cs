using Carve.Core.State;
using Carve.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Tests.State;

/// <summary>Which SQLite failures read as a host fault with a clear sentence, and which stay bugs.</summary>
public sealed class DatabaseFaultTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_write_to_a_read_only_database_is_a_503_that_says_so()
    {
        var path = _tmp.Sub("carve.db");
        new Database(path).Migrate();
        // SQLite refuses writes to a read-only file the same way whether the mode or the filesystem makes it so.
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        var e = Assert.Throws<SqliteException>(() => Database.Execute(c, "DELETE FROM guests"));

        var fault = DatabaseFault.Explain(e);

        Assert.NotNull(fault);
        Assert.Equal(503, fault.Status);
        Assert.StartsWith("Carve's database is read-only", fault.Message, StringComparison.Ordinal);
        Assert.Contains("changes are refused until", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_sqlite_errors_and_other_exceptions_stay_bugs()
    {
        var path = _tmp.Sub("carve.db");
        new Database(path).Migrate();
        using var c = new Database(path).Open();
        var e = Assert.Throws<SqliteException>(() => Database.Execute(c, "SELECT * FROM no_such_table"));

        Assert.Null(DatabaseFault.Explain(e));
        Assert.Null(DatabaseFault.Explain(new IOException("disk")));
    }
}
