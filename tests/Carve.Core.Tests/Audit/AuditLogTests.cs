using Carve.Core.Audit;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static AuditEvent Event(DateTimeOffset time, string user = "alice", int status = 202, string? task = null) =>
        new(time, user, "socket", "POST", "/api/v1/vms/{ref}/start", "/api/v1/vms/web/start", "web", status, task);

    [Fact]
    public void Entries_come_back_newest_first_with_every_field()
    {
        var log = new AuditLog(_db.Db);
        log.Record(Event(Noon, task: "t1"));
        log.Record(Event(Noon.AddMinutes(1), user: "bob", status: 403));

        var entries = log.List(null, null, 10);
        Assert.Equal(["bob", "alice"], entries.Select(e => e.User));
        var first = entries[1];
        Assert.Equal((Noon, "socket", "POST", "/api/v1/vms/{ref}/start", "/api/v1/vms/web/start", "web", 202, "t1"),
            (first.Time, first.Source, first.Method, first.Route, first.Path, first.Guest, first.Status, first.TaskId));
    }

    [Fact]
    public void User_since_and_limit_filter()
    {
        var log = new AuditLog(_db.Db);
        for (var i = 0; i < 5; i++)
            log.Record(Event(Noon.AddHours(i), user: i % 2 == 0 ? "alice" : "bob"));

        Assert.Equal(3, log.List("alice", null, 10).Count);
        Assert.Equal([Noon.AddHours(4), Noon.AddHours(3)], log.List(null, Noon.AddHours(3), 10).Select(e => e.Time));
        Assert.Equal([Noon.AddHours(4), Noon.AddHours(2)], log.List("alice", Noon.AddHours(1), 10).Select(e => e.Time));
        Assert.Equal(2, log.List(null, null, 2).Count);
        // A time in another offset means the same instant.
        Assert.Equal(2, log.List(null, Noon.AddHours(3).ToOffset(TimeSpan.FromHours(-5)), 10).Count);
    }

    [Fact]
    public void Rows_past_their_age_are_dropped()
    {
        var log = new AuditLog(_db.Db, new AuditRetention(KeepDays: 30, MaxRows: 1000, PruneEvery: 2));
        log.Record(Event(Noon.AddDays(-40)));
        log.Record(Event(Noon.AddDays(-20)));
        log.Record(Event(Noon));
        Assert.Equal([Noon, Noon.AddDays(-20)], log.List(null, null, 10).Select(e => e.Time));
    }

    [Fact]
    public void Beyond_the_row_cap_the_oldest_are_dropped()
    {
        var log = new AuditLog(_db.Db, new AuditRetention(KeepDays: 30, MaxRows: 3, PruneEvery: 5));
        for (var i = 0; i < 11; i++)
            log.Record(Event(Noon.AddSeconds(i)));
        // Pruned at the 1st, 6th and 11th write: 3 left, then nothing until the next prune.
        Assert.Equal([10, 9, 8], log.List(null, null, 100).Select(e => (int)(e.Time - Noon).TotalSeconds));
        Assert.Equal(3, log.Count());
    }
}
