using System.Globalization;
using Carve.Contracts.Tasks;
using Carve.Core.State;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Tasks;

public sealed class TaskStore(Database db)
{
    /// <summary>Records a task; one that is running started when it was created (one write, not two).</summary>
    /// <param name="durable">False for a task whose guest lock recovery merely releases (see TaskRunner).</param>
    public void Insert(TaskView task, bool durable = true)
    {
        using var c = durable ? db.Open() : db.OpenLazy();
        var created = task.CreatedAt.ToString("O");
        Database.Execute(c,
            "INSERT INTO tasks (id, type, guest_id, guest_name, user, status, progress, created_at, started_at) VALUES ($id, $type, $gid, $gname, $user, $status, 0, $created, $started)",
            ("$id", task.Id), ("$type", task.Type), ("$gid", task.GuestId), ("$gname", task.Guest),
            ("$user", task.User), ("$status", task.Status), ("$created", created),
            ("$started", task.Status == TaskStates.Running ? created : null));
    }

    /// <summary>
    /// Records the task's end and, in the same transaction, releases its guest's lock: a daemon killed between two
    /// writes would leave a task that did its work shown as interrupted, or a create's lock that makes recovery
    /// remove the finished guest.
    /// </summary>
    public void MarkFinished(string id, string status, string? error, DateTimeOffset at, bool durable = true, int? lockedGuestId = null)
    {
        using var c = durable ? db.Open() : db.OpenLazy();
        using var tx = c.BeginTransaction();
        Database.Execute(c,
            "UPDATE tasks SET status = $s, error = $e, finished_at = $t, progress = CASE WHEN $s = 'succeeded' THEN 100 ELSE progress END WHERE id = $id",
            ("$s", status), ("$e", error), ("$t", at.ToString("O")), ("$id", id));
        if (lockedGuestId is { } guest)
            Guests.GuestStore.ReleaseLock(c, guest, id);
        tx.Commit();
    }

    /// <summary>Always lazy, like <see cref="AppendLog"/>.</summary>
    public void SetProgress(string id, int percent)
    {
        using var c = db.OpenLazy();
        Database.Execute(c, "UPDATE tasks SET progress = $p WHERE id = $id", ("$p", percent), ("$id", id));
    }

    /// <summary>
    /// Always lazy: a task logs several lines, and waiting for the disk on each was most of what a container's start
    /// cost beyond lxc-start. The next durable write syncs them; after a power cut a running task is marked failed.
    /// </summary>
    public void AppendLog(string id, int seq, TaskLogLine line)
    {
        using var c = db.OpenLazy();
        Database.Execute(c, "INSERT INTO task_log (task_id, seq, time, text) VALUES ($id, $seq, $t, $text)",
            ("$id", id), ("$seq", seq), ("$t", line.Time.ToString("O")), ("$text", line.Text));
    }

    public TaskView? Find(string id, bool withLog)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = Select + " WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        var task = Read(cmd).FirstOrDefault();
        return task is null || !withLog ? task : task with { Log = ReadLog(c, id) };
    }

    public IReadOnlyList<TaskView> List(int limit, int? guestId)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = Select + (guestId is null ? "" : " WHERE guest_id = $g") + " ORDER BY created_at DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", limit);
        if (guestId is not null)
            cmd.Parameters.AddWithValue("$g", guestId);
        return Read(cmd);
    }

    /// <summary>Tasks the daemon was running when it died: they can never finish now.</summary>
    public int FailUnfinished(string reason)
    {
        using var c = db.Open();
        return Database.Execute(c,
            "UPDATE tasks SET status = 'failed', error = $e, finished_at = $t WHERE status IN ('queued', 'running')",
            ("$e", reason), ("$t", DateTimeOffset.UtcNow.ToString("O")));
    }

    private const string Select =
        "SELECT id, type, guest_id, guest_name, user, status, progress, error, created_at, started_at, finished_at FROM tasks";

    private static List<TaskView> Read(SqliteCommand cmd)
    {
        var list = new List<TaskView>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new TaskView
            {
                Id = r.GetString(0),
                Type = r.GetString(1),
                GuestId = r.IsDBNull(2) ? null : r.GetInt32(2),
                Guest = r.IsDBNull(3) ? null : r.GetString(3),
                User = r.GetString(4),
                Status = r.GetString(5),
                Progress = r.GetInt32(6),
                Error = r.IsDBNull(7) ? null : r.GetString(7),
                CreatedAt = Time(r, 8)!.Value,
                StartedAt = Time(r, 9),
                FinishedAt = Time(r, 10),
            });
        }
        return list;
    }

    private static List<TaskLogLine> ReadLog(SqliteConnection c, string id)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT time, text FROM task_log WHERE task_id = $id ORDER BY seq";
        cmd.Parameters.AddWithValue("$id", id);
        var lines = new List<TaskLogLine>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            lines.Add(new TaskLogLine(Time(r, 0)!.Value, r.GetString(1)));
        return lines;
    }

    private static DateTimeOffset? Time(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture);
}
