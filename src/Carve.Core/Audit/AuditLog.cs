using System.Globalization;
using Carve.Contracts.Audit;
using Carve.Core.State;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Audit;

/// <summary>
/// The audit log in SQLite. It stays bounded (<see cref="AuditRetention"/>): rows past their age, and the oldest
/// beyond the row cap, are dropped on the first write and every so many after. Writes are lazy (docs/architecture.md,
/// "State"): a power cut may lose the last few entries, but a request never waits for the disk to be recorded.
/// </summary>
public sealed class AuditLog(Database db, AuditRetention retention)
{
    public const int MaxListed = 1000;
    private long _writes;

    public AuditLog(Database db) : this(db, AuditRetention.Default)
    {
    }

    public void Record(AuditEvent e)
    {
        using var c = db.OpenLazy();
        Database.Execute(c,
            "INSERT INTO audit (time, user, source, method, route, path, guest, status, task_id) " +
            "VALUES ($t, $u, $s, $m, $r, $p, $g, $st, $task)",
            ("$t", Stamp(e.Time)), ("$u", e.User), ("$s", e.Source), ("$m", e.Method), ("$r", e.Route), ("$p", e.Path),
            ("$g", e.Guest), ("$st", e.Status), ("$task", e.TaskId));
        if (Interlocked.Increment(ref _writes) % retention.PruneEvery == 1)
            Prune(c, e.Time);
    }

    /// <summary>Newest first: at most <paramref name="limit"/> entries, of one user and since a time when given.</summary>
    public IReadOnlyList<AuditEntryView> List(string? user, DateTimeOffset? since, int limit)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        // The guest of a create is in its body, which is never read: the task it started names it.
        cmd.CommandText =
            "SELECT a.id, a.time, a.user, a.source, a.method, a.route, a.path, COALESCE(a.guest, t.guest_name), a.status, a.task_id " +
            "FROM audit a LEFT JOIN tasks t ON t.id = a.task_id " +
            "WHERE ($u IS NULL OR a.user = $u) AND ($since IS NULL OR a.time >= $since) ORDER BY a.id DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$u", (object?)user ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$since", since is { } s ? Stamp(s) : DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, MaxListed));
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntryView>();
        while (r.Read())
            list.Add(new AuditEntryView(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
                r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.GetInt32(8), r.IsDBNull(9) ? null : r.GetString(9)));
        return list;
    }

    public long Count()
    {
        using var c = db.Open();
        return Database.Scalar<long>(c, "SELECT COUNT(*) FROM audit");
    }

    private void Prune(SqliteConnection c, DateTimeOffset now)
    {
        Database.Execute(c, "DELETE FROM audit WHERE time < $cutoff", ("$cutoff", Stamp(now.AddDays(-retention.KeepDays))));
        Database.Execute(c, "DELETE FROM audit WHERE id <= (SELECT id FROM audit ORDER BY id DESC LIMIT 1 OFFSET $max)", ("$max", retention.MaxRows));
    }

    /// <summary>UTC in one fixed format, so that text order is time order.</summary>
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
