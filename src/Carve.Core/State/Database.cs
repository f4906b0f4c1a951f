using System.Diagnostics.CodeAnalysis;
using Carve.Host.Files;
using Microsoft.Data.Sqlite;

namespace Carve.Core.State;

/// <summary>
/// The daemon's SQLite file in WAL mode. One connection per operation; SQLite's pool keeps them cheap.
/// A durable write (synchronous=FULL, the default) survives a crash of the daemon or of the host when it returns.
/// A lazy one (synchronous=NORMAL) survives a crash of the daemon at once, and of the host from the next durable
/// write on, because that write syncs the whole write-ahead log before it returns: it costs no wait for the disk
/// (about 2 ms each on the benchmarks' VM). Which writes may be lazy: docs/architecture.md, "State".
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;
    private readonly string _directory;

    public Database(string path)
    {
        Path = path;
        _directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>
    /// Whether the database's filesystem is mounted read-only now (after an I/O error with errors=remount-ro, or a
    /// host that came up so). Connections are then opened read-only: reads go on, and every write fails with
    /// SQLITE_READONLY, which <see cref="DatabaseFault"/> explains. Asked at each open, so remounting the disk
    /// read-write lets changes through again without a restart.
    /// </summary>
    public bool IsReadOnly => ReadOnlyMount.Holds(_directory);

    public SqliteConnection Open() => Open(durable: true);

    /// <summary>For task bookkeeping that recovery does not depend on (docs/architecture.md, "State").</summary>
    public SqliteConnection OpenLazy() => Open(durable: false);

    private SqliteConnection Open(bool durable)
    {
        if (IsReadOnly)
            return OpenReadOnly();
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        if (durable)
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        else
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// A read-only connection on a read-only filesystem. SQLite reads a WAL database there only while its -wal and
    /// -shm files exist (a carved that did not stop cleanly leaves them, with changes not yet in the main file);
    /// after a clean stop they are gone, and the main file is complete, so it is opened as immutable.
    /// </summary>
    private SqliteConnection OpenReadOnly()
    {
        var immutable = !File.Exists(Path + "-wal");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? "file:" + Uri.EscapeDataString(System.IO.Path.GetFullPath(Path)).Replace("%2F", "/", StringComparison.Ordinal) + "?immutable=1" : Path,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Creates or upgrades the schema; each step runs in its own transaction with the version bump.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification =
        "The schema steps are constants in Migrations.cs; the version is an int.")]
    public void Migrate()
    {
        using var connection = Open();
        var version = Scalar<long>(connection, "PRAGMA user_version");
        if (version < Migrations.Steps.Count && IsReadOnly)
            throw new InvalidOperationException(
                $"Carve's database {Path} needs upgrading, and its filesystem is read-only: remount it read-write and start carved again.");
        for (var step = (int)version; step < Migrations.Steps.Count; step++)
        {
            using var tx = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = Migrations.Steps[step] + $"; PRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
            tx.Commit();
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification =
        "The statement helper of every store: callers pass constant SQL, and values only as parameters.")]
    public static T Scalar<T>(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var result = command.ExecuteScalar();
        return (T)Convert.ChangeType(result!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification =
        "The statement helper of every store: callers pass constant SQL, and values only as parameters.")]
    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
    }
}
