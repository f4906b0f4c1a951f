using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Carve.Core.State;

/// <summary>
/// The daemon's SQLite file. WAL with synchronous=FULL: a write that returned survives a crash of the daemon
/// or of the host. One connection per operation; SQLite's pool keeps them cheap.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(string path)
    {
        Path = path;
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

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Creates or upgrades the schema; each step runs in its own transaction with the version bump.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification =
        "The schema steps are constants in Migrations.cs; the version is an int.")]
    public void Migrate()
    {
        using var connection = Open();
        var version = Scalar<long>(connection, "PRAGMA user_version");
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
