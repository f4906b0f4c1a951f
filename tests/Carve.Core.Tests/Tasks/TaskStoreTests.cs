using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Tasks;

public sealed class TaskStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly TaskStore _store;

    public TaskStoreTests() => _store = new TaskStore(_db.Db);

    public void Dispose() => _db.Dispose();

    private void Insert(string id, string status) =>
        _store.Insert(new TaskView { Id = id, Type = "vm-start", User = "root@local", Status = status, CreatedAt = DateTimeOffset.UtcNow });

    [Fact]
    public void FailUnfinished_marks_running_and_queued_tasks_failed_with_the_reason()
    {
        Insert("trunning", TaskStates.Running);
        Insert("tqueued", TaskStates.Queued);
        Insert("tdone", TaskStates.Running);
        _store.MarkFinished("tdone", TaskStates.Succeeded, null, DateTimeOffset.UtcNow);

        Assert.Equal(2, _store.FailUnfinished("The daemon stopped."));

        foreach (var id in new[] { "trunning", "tqueued" })
        {
            var task = _store.Find(id, withLog: false)!;
            Assert.Equal((TaskStates.Failed, "The daemon stopped."), (task.Status, task.Error));
            Assert.NotNull(task.FinishedAt);
        }
        var untouched = _store.Find("tdone", withLog: false)!;
        Assert.Equal((TaskStates.Succeeded, (string?)null), (untouched.Status, untouched.Error));
    }

    [Fact]
    public void Finishing_a_task_releases_its_own_guest_lock_in_the_same_write_and_no_other_tasks()
    {
        var guests = new GuestStore(_db.Db);
        var mine = guests.Insert("web", null, GuestKind.Vm, _ => new GuestConfig { Cpus = 1 }, "tcreate");
        var other = guests.Insert("db", null, GuestKind.Vm, _ => new GuestConfig { Cpus = 1 }, "tother");
        Insert("tcreate", TaskStates.Running);

        _store.MarkFinished("tcreate", TaskStates.Succeeded, null, DateTimeOffset.UtcNow, lockedGuestId: mine.Id);
        _store.MarkFinished("tcreate", TaskStates.Succeeded, null, DateTimeOffset.UtcNow, lockedGuestId: other.Id);

        Assert.Equal(TaskStates.Succeeded, _store.Find("tcreate", withLog: false)!.Status);
        Assert.Null(guests.Find(mine.Id)!.Lock);
        Assert.Equal("tother", guests.Find(other.Id)!.LockTask);
    }

    [Fact]
    public void A_running_task_is_recorded_as_started_when_it_was_created_and_a_queued_one_as_not_started()
    {
        Insert("trunning", TaskStates.Running);
        Insert("tqueued", TaskStates.Queued);
        var running = _store.Find("trunning", withLog: false)!;
        Assert.Equal(running.CreatedAt, running.StartedAt);
        Assert.Null(_store.Find("tqueued", withLog: false)!.StartedAt);
    }

    [Fact]
    public void FailUnfinished_with_nothing_unfinished_changes_nothing() =>
        Assert.Equal(0, _store.FailUnfinished("x"));

    [Fact]
    public void Log_lines_come_back_in_sequence_order()
    {
        Insert("t1", TaskStates.Running);
        _store.AppendLog("t1", 1, new TaskLogLine(DateTimeOffset.UtcNow, "second"));
        _store.AppendLog("t1", 0, new TaskLogLine(DateTimeOffset.UtcNow, "first"));
        Assert.Equal(["first", "second"], _store.Find("t1", withLog: true)!.Log!.Select(l => l.Text));
        Assert.Null(_store.Find("t1", withLog: false)!.Log);
    }

    [Fact]
    public void A_failed_task_keeps_its_last_progress_and_a_succeeded_one_shows_100()
    {
        Insert("tfail", TaskStates.Running);
        Insert("tok", TaskStates.Running);
        _store.SetProgress("tfail", 40);
        _store.SetProgress("tok", 40);
        _store.MarkFinished("tfail", TaskStates.Failed, "e", DateTimeOffset.UtcNow);
        _store.MarkFinished("tok", TaskStates.Succeeded, null, DateTimeOffset.UtcNow);
        Assert.Equal(40, _store.Find("tfail", withLog: false)!.Progress);
        Assert.Equal(100, _store.Find("tok", withLog: false)!.Progress);
    }

    [Fact]
    public void An_unknown_task_is_null() => Assert.Null(_store.Find("tnothere", withLog: true));
}
