using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Carve.Core.Errors;
using Carve.Core.State;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Snapshots;

/// <summary>The snapshot tree of each guest in SQLite. Every state change is one committed write, so a crash sees it.</summary>
public sealed class SnapshotStore(Database db)
{
    private const string Columns = "guest_id, name, parent, created_at, memory, description, state, current, config_json";

    public IReadOnlyList<SnapshotRecord> List(int guestId)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM snapshots WHERE guest_id = $g ORDER BY created_at, name";
        cmd.Parameters.AddWithValue("$g", guestId);
        return ReadAll(cmd);
    }

    /// <summary>Snapshots left in a state other than ready by a daemon that died, over all guests.</summary>
    public IReadOnlyList<SnapshotRecord> Unsettled()
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM snapshots WHERE state <> '{SnapshotStates.Ready}' ORDER BY guest_id, created_at";
        return ReadAll(cmd);
    }

    public SnapshotRecord? Find(int guestId, string name) => List(guestId).FirstOrDefault(s => s.Name == name);

    /// <summary>Records a new snapshot in state creating, its parent the guest's current one.</summary>
    public SnapshotRecord Begin(int guestId, string name, bool memory, string? description, Guests.GuestConfig? config) => InTransaction(c =>
    {
        var parent = Text(c, "SELECT name FROM snapshots WHERE guest_id = $g AND current = 1", ("$g", guestId));
        var record = new SnapshotRecord
        {
            GuestId = guestId, Name = name, Parent = parent, CreatedAt = DateTimeOffset.UtcNow,
            Memory = memory, Description = description, State = SnapshotStates.Creating, Config = config,
        };
        try
        {
            Database.Execute(c,
                $"INSERT INTO snapshots ({Columns}) VALUES ($g, $n, $p, $t, $m, $d, $s, 0, $c)",
                ("$g", guestId), ("$n", name), ("$p", parent), ("$t", record.CreatedAt.ToString("O")),
                ("$m", memory ? 1 : 0), ("$d", description), ("$s", record.State), ("$c", config?.ToJson()));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new ConflictException($"There is already a snapshot named '{name}'.");
        }
        return record;
    });

    public void SetState(int guestId, string name, string state)
    {
        using var c = db.Open();
        Database.Execute(c, "UPDATE snapshots SET state = $s WHERE guest_id = $g AND name = $n",
            ("$s", state), ("$g", guestId), ("$n", name));
    }

    /// <summary>Marks a snapshot ready and the guest's current one, in one transaction.</summary>
    public void MakeCurrent(int guestId, string name) => InTransaction(c =>
    {
        Database.Execute(c, "UPDATE snapshots SET current = 0 WHERE guest_id = $g", ("$g", guestId));
        return Database.Execute(c, $"UPDATE snapshots SET current = 1, state = '{SnapshotStates.Ready}' WHERE guest_id = $g AND name = $n",
            ("$g", guestId), ("$n", name));
    });

    /// <summary>Removes a snapshot: its children hang from its parent, which also becomes current if it was.</summary>
    public void Remove(int guestId, string name) => InTransaction(c =>
    {
        var parent = Text(c, "SELECT parent FROM snapshots WHERE guest_id = $g AND name = $n", ("$g", guestId), ("$n", name));
        var wasCurrent = Database.Scalar<long>(c, "SELECT COUNT(*) FROM snapshots WHERE guest_id = $g AND name = $n AND current = 1", ("$g", guestId), ("$n", name)) > 0;
        Database.Execute(c, "UPDATE snapshots SET parent = $p WHERE guest_id = $g AND parent = $n", ("$p", parent), ("$g", guestId), ("$n", name));
        Database.Execute(c, "DELETE FROM snapshots WHERE guest_id = $g AND name = $n", ("$g", guestId), ("$n", name));
        return wasCurrent && parent is not null
            ? Database.Execute(c, "UPDATE snapshots SET current = 1 WHERE guest_id = $g AND name = $p", ("$g", guestId), ("$p", parent))
            : 0;
    });

    /// <summary>
    /// Runs the statements as one write transaction (BEGIN IMMEDIATE: no other writer between the read and the
    /// writes); any exception rolls it back, so a pooled connection never keeps a transaction open.
    /// </summary>
    private T InTransaction<T>(Func<SqliteConnection, T> work)
    {
        using var c = db.Open();
        Database.Execute(c, "BEGIN IMMEDIATE");
        try
        {
            var result = work(c);
            Database.Execute(c, "COMMIT");
            return result;
        }
        catch
        {
            Database.Execute(c, "ROLLBACK");
            throw;
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification =
        "Both callers pass constant SQL; values go in as parameters.")]
    private static string? Text(SqliteConnection c, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in parameters)
            cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        return cmd.ExecuteScalar() as string;
    }

    private static List<SnapshotRecord> ReadAll(SqliteCommand cmd)
    {
        var list = new List<SnapshotRecord>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new SnapshotRecord
            {
                GuestId = r.GetInt32(0),
                Name = r.GetString(1),
                Parent = r.IsDBNull(2) ? null : r.GetString(2),
                CreatedAt = DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture),
                Memory = r.GetInt64(4) != 0,
                Description = r.IsDBNull(5) ? null : r.GetString(5),
                State = r.GetString(6),
                Current = r.GetInt64(7) != 0,
                Config = r.IsDBNull(8) ? null : Guests.GuestConfig.FromJson(r.GetString(8)),
            });
        }
        return list;
    }
}
