using System.Diagnostics.CodeAnalysis;
using Carve.Core.State;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Tests.Support;

/// <summary>A real, migrated SQLite file in its own temp dir.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempDir _dir = new();

    public TestDatabase()
    {
        Db = new Database(System.IO.Path.Combine(_dir.Path, "carve.db"));
        Db.Migrate();
    }

    public Database Db { get; }

    public string Dir => _dir.Path;

    /// <summary>Every text value of every row of a table, for checks that a secret is not stored.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Tests name their own tables; a table name cannot be a parameter.")]
    public IReadOnlyList<string> AllText(string table)
    {
        using var c = Db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {table}";
        using var r = cmd.ExecuteReader();
        var values = new List<string>();
        while (r.Read())
            for (var i = 0; i < r.FieldCount; i++)
                if (!r.IsDBNull(i))
                    values.Add(Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values;
    }

    /// <summary>The raw bytes of the database file and its WAL: what is on disk, whatever the schema says.</summary>
    public byte[] RawBytes()
    {
        SqliteConnection.ClearAllPools();
        return [.. ReadIfExists(Db.Path), .. ReadIfExists(Db.Path + "-wal")];
    }

    private static byte[] ReadIfExists(string path) => File.Exists(path) ? File.ReadAllBytes(path) : [];

    public void Dispose() => _dir.Dispose();
}
