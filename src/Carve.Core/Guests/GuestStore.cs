using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Carve.Contracts.Guests;
using Carve.Core.Errors;
using Carve.Core.State;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Guests;

/// <summary>Guests in SQLite. The lock column is the guest's lock: it survives a crash so recovery can see it.</summary>
public sealed class GuestStore(Database db)
{
    public const int FirstId = 100;
    private readonly Lock _gate = new();

    public IReadOnlyList<GuestRecord> List()
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, kind, config, template, lock, lock_task, created_at FROM guests ORDER BY id";
        return ReadAll(cmd);
    }

    /// <summary>
    /// The guests, not templates, whose boot policy restarts them on a crash: filtered by SQLite, so that the crash
    /// watch's pass every 2 s reads and parses no other guest's config.
    /// </summary>
    public IReadOnlyList<GuestRecord> ListRestartingOnCrash()
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, kind, config, template, lock, lock_task, created_at FROM guests " +
            "WHERE template = 0 AND json_extract(config, '$.boot.restart') = $restart ORDER BY id";
        cmd.Parameters.AddWithValue("$restart", RestartPolicies.OnCrash);
        return ReadAll(cmd);
    }

    public GuestRecord? Find(int id) => FindWhere("id = $v", id);

    public GuestRecord? FindByName(string name) => FindWhere("name = $v", name);

    /// <summary>A guest named by id or by name, as the CLI vocabulary allows.</summary>
    public GuestRecord Resolve(string reference)
    {
        var guest = int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Find(id)
            : FindByName(reference);
        return guest ?? throw new NotFoundException($"No guest is named or numbered '{reference}'.");
    }

    /// <summary>Like <see cref="Resolve"/>, but the guest must be of the given kind.</summary>
    public GuestRecord ResolveKind(string reference, GuestKind kind)
    {
        var guest = Resolve(reference);
        return guest.Kind == kind
            ? guest
            : throw new NotFoundException($"'{reference}' is a {guest.Kind.Noun}, not a {kind.Noun}.");
    }

    /// <summary>
    /// Inserts a new guest already holding the lock of its creating task, so nothing else can touch it half made.
    /// The config may depend on the id chosen (volume names carry it).
    /// </summary>
    public GuestRecord Insert(string name, int? requestedId, GuestKind kind, Func<int, GuestConfig> configFor, string taskId)
    {
        lock (_gate)
        {
            using var c = db.Open();
            if (FindByName(name) is { } existing)
                throw new ConflictException($"The name '{name}' is already used by {existing.Describe()}.");
            int id;
            if (requestedId is { } wanted)
            {
                if (wanted < FirstId)
                    throw new BadRequestException($"Guest ids start at {FirstId}.");
                if (Find(wanted) is { } taken)
                    throw new ConflictException($"The id {wanted} is already used by {taken.Describe()}.");
                id = wanted;
            }
            else
            {
                id = (int)Database.Scalar<long>(c, $"SELECT COALESCE(MAX(id) + 1, {FirstId}) FROM guests");
            }
            var record = new GuestRecord
            {
                Id = id, Name = name, Kind = kind, Config = configFor(id),
                Lock = $"{kind}-create", LockTask = taskId, CreatedAt = DateTimeOffset.UtcNow,
            };
            Database.Execute(c,
                "INSERT INTO guests (id, name, kind, config, template, lock, lock_task, created_at) VALUES ($id, $name, $kind, $config, 0, $lock, $task, $created)",
                ("$id", id), ("$name", name), ("$kind", kind.Name), ("$config", record.Config.ToJson()),
                ("$lock", record.Lock), ("$task", taskId), ("$created", record.CreatedAt.ToString("O")));
            return record;
        }
    }

    public void UpdateConfig(int id, GuestConfig config)
    {
        using var c = db.Open();
        Database.Execute(c, "UPDATE guests SET config = $config WHERE id = $id", ("$config", config.ToJson()), ("$id", id));
    }

    public void Delete(int id)
    {
        using var c = db.Open();
        Database.Execute(c, "DELETE FROM guests WHERE id = $id", ("$id", id));
    }

    /// <summary>Takes the guest's lock for a task, or says which task holds it; durably when recovery would act on it.</summary>
    public void AcquireLock(int id, string operation, string taskId)
    {
        lock (_gate)
        {
            using var c = GuestLocks.RecoverySettles(operation) ? db.Open() : db.OpenLazy();
            var changed = Database.Execute(c,
                "UPDATE guests SET lock = $lock, lock_task = $task WHERE id = $id AND lock IS NULL",
                ("$lock", operation), ("$task", taskId), ("$id", id));
            if (changed == 1)
                return;
            var guest = Find(id) ?? throw new NotFoundException($"Guest {id} no longer exists.");
            throw new ConflictException(
                $"{guest.Describe()} is busy: task {guest.LockTask} ({guest.Lock}) is running; wait for it to finish.");
        }
    }

    /// <param name="durable">False only for a lock that recovery merely releases (<see cref="GuestLocks.RecoverySettles"/>).</param>
    public void ReleaseLock(int id, string taskId, bool durable = true)
    {
        using var c = durable ? db.Open() : db.OpenLazy();
        ReleaseLock(c, id, taskId);
    }

    /// <summary>On the caller's connection, so a task's end and its lock's release are one write (TaskStore).</summary>
    internal static void ReleaseLock(SqliteConnection c, int id, string taskId) =>
        Database.Execute(c, "UPDATE guests SET lock = NULL, lock_task = NULL WHERE id = $id AND lock_task = $task",
            ("$id", id), ("$task", taskId));

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification =
        "Both callers pass a constant condition; the value goes in as the $v parameter.")]
    private GuestRecord? FindWhere(string where, object value)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT id, name, kind, config, template, lock, lock_task, created_at FROM guests WHERE {where}";
        cmd.Parameters.AddWithValue("$v", value);
        return ReadAll(cmd).FirstOrDefault();
    }

    private static List<GuestRecord> ReadAll(SqliteCommand cmd)
    {
        var list = new List<GuestRecord>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new GuestRecord
            {
                Id = r.GetInt32(0),
                Name = r.GetString(1),
                Kind = GuestKind.Parse(r.GetString(2)),
                Config = GuestConfig.FromJson(r.GetString(3)),
                Template = r.GetInt64(4) != 0,
                Lock = r.IsDBNull(5) ? null : r.GetString(5),
                LockTask = r.IsDBNull(6) ? null : r.GetString(6),
                CreatedAt = DateTimeOffset.Parse(r.GetString(7), CultureInfo.InvariantCulture),
            });
        }
        return list;
    }
}
