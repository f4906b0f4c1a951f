using Carve.Core.State;
using Carve.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Tests.State;

public sealed class DatabaseTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string DbPath => _tmp.Sub("carve.db");

    /// <summary>A connection that sets no pragmas of its own, to see what the file itself holds.</summary>
    private T RawScalar<T>(string sql)
    {
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        return Database.Scalar<T>(c, sql);
    }

    [Fact]
    public void Migrate_on_a_fresh_file_sets_user_version_to_the_number_of_steps()
    {
        new Database(DbPath).Migrate();
        Assert.True(File.Exists(DbPath));
        Assert.Equal(Migrations.Steps.Count, RawScalar<long>("PRAGMA user_version"));
    }

    [Fact]
    public void Migrate_creates_the_tables()
    {
        new Database(DbPath).Migrate();
        foreach (var table in new[] { "guests", "tasks", "task_log", "tokens", "users", "sessions" })
            Assert.Equal(1, RawScalar<long>($"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
    }

    [Fact]
    public void Migrate_again_is_a_no_op_that_keeps_the_data()
    {
        var db = new Database(DbPath);
        db.Migrate();
        using (var c = db.Open())
            Database.Execute(c, "INSERT INTO users (name, role, password_hash) VALUES ('u', 'admin', 'h')");

        db.Migrate();
        new Database(DbPath).Migrate();

        Assert.Equal(Migrations.Steps.Count, RawScalar<long>("PRAGMA user_version"));
        Assert.Equal(1, RawScalar<long>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public void The_file_is_in_wal_mode()
    {
        new Database(DbPath).Migrate();
        // journal_mode=WAL is persistent: a plain connection that never asked for it still sees it.
        Assert.Equal("wal", RawScalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void Connections_enforce_foreign_keys_and_full_sync()
    {
        var db = new Database(DbPath);
        db.Migrate();
        using var c = db.Open();
        Assert.Equal(1, Database.Scalar<long>(c, "PRAGMA foreign_keys"));
        Assert.Equal(2, Database.Scalar<long>(c, "PRAGMA synchronous"));
        Assert.Throws<SqliteException>(() =>
            Database.Execute(c, "INSERT INTO task_log (task_id, seq, time, text) VALUES ('nope', 0, 't', 'x')"));
    }

    [Fact]
    public void Lazy_connections_skip_the_sync_and_a_pooled_connection_is_durable_again_when_reopened()
    {
        var db = new Database(DbPath);
        db.Migrate();
        using (var lazy = db.OpenLazy())
        {
            Assert.Equal(1, Database.Scalar<long>(lazy, "PRAGMA synchronous"));
            Assert.Equal(1, Database.Scalar<long>(lazy, "PRAGMA foreign_keys"));
            Database.Execute(lazy, "INSERT INTO users (name, role, password_hash) VALUES ('u', 'admin', 'h')");
        }
        // The pool hands the same connection back: it must not stay lazy.
        using var durable = db.Open();
        Assert.Equal(2, Database.Scalar<long>(durable, "PRAGMA synchronous"));
        Assert.Equal(1, Database.Scalar<long>(durable, "SELECT COUNT(*) FROM users"));
    }
}
